/**
 * Names for ids: people's names from their memberships and companies' legal names, read in
 * batches (BatchGetItem, 100 keys a call) so a page of records costs one read, not one per row.
 * It writes nothing; the keys are the membership and company stores'.
 */
import { companyKey } from './company-store.ts';
import { memberKey } from './membership-store.ts';
import { getItems, type Key } from './table-io.ts';

const BATCH_KEYS = 100;

const readAll = async <T>(keys: Key[], attributes: readonly string[]): Promise<T[]> => {
  const found: T[] = [];
  for (let i = 0; i < keys.length; i += BATCH_KEYS)
    found.push(...(await getItems<T>(keys.slice(i, i + BATCH_KEYS), { attributes })));
  return found;
};

/** The names of the people (by company and user id) and companies that exist; missing ones are left out. */
export const names = async (
  people: readonly { readonly companyId: string; readonly userId: string }[],
  companyIds: readonly string[],
): Promise<{
  people: { companyId: string; userId: string; name: string }[];
  companies: { companyId: string; legalName: string }[];
}> => {
  const [members, companies] = await Promise.all([
    readAll<{ companyId: string; userId: string; name: string }>(
      people.map((p) => memberKey(p.companyId, p.userId)),
      ['companyId', 'userId', 'name'],
    ),
    readAll<{ companyId: string; legalName: string }>(companyIds.map(companyKey), ['companyId', 'legalName']),
  ]);
  return { people: members, companies };
};
