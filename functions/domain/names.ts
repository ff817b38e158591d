/**
 * Names instead of ids (issue 21 item 4, decision 85): answers that name who acted or which
 * company resolve the ids to people's and companies' names when they are read, a page at a time
 * in one batch read, rather than storing names at write time: the audit trail is immutable, so
 * names written into new records would still leave every older record without one, and a
 * person's name changes or a company's legal name changes are shown everywhere at once. A
 * reader is given a name only where the disclosure rules (disclosure.ts) already give them the
 * id: CBP everyone's; a company its own people's, never a CBP officer's or another company's.
 */
import { CBP_COMPANY_ID } from '../definitions/roles.ts';

export interface PersonRef {
  readonly companyId: string;
  readonly userId: string;
}

/** People's and companies' names by id, read in batches. */
export interface NameDirectory {
  names(
    people: readonly PersonRef[],
    companyIds: readonly string[],
  ): Promise<{
    readonly people: readonly { companyId: string; userId: string; name: string }[];
    readonly companies: readonly { companyId: string; legalName: string }[];
  }>;
}

const personKey = (p: PersonRef) => `${p.companyId}\n${p.userId}`;

/** Who ran a command-line operation: `operator:<who>` (domain/staff.ts `operatorActor`). */
const OPERATOR = 'operator:';

/** What was found: look-ups that answer undefined for an unknown id. */
export interface Names {
  person(companyId: string, userId: string | undefined): string | undefined;
  company(companyId: string): string | undefined;
}

/**
 * The names of `people` and `companyIds`, each asked once. CBP is not a company record: it is
 * named "CBP". An operator's command is named by the operator.
 */
export const lookUpNames = async (
  deps: { readonly directory: NameDirectory },
  people: readonly PersonRef[],
  companyIds: readonly string[],
): Promise<Names> => {
  const askPeople = new Map<string, PersonRef>();
  for (const p of people) if (!p.userId.startsWith(OPERATOR)) askPeople.set(personKey(p), p);
  const askCompanies = [...new Set(companyIds)].filter((id) => id !== CBP_COMPANY_ID);
  const found =
    askPeople.size === 0 && askCompanies.length === 0
      ? { people: [], companies: [] }
      : await deps.directory.names([...askPeople.values()], askCompanies);
  const personNames = new Map(found.people.map((p) => [personKey(p), p.name]));
  const companyNames = new Map(found.companies.map((c) => [c.companyId, c.legalName]));
  return {
    person: (companyId, userId) => {
      if (userId === undefined) return undefined;
      if (userId.startsWith(OPERATOR)) return `${userId.slice(OPERATOR.length)} (operator)`;
      return personNames.get(personKey({ companyId, userId }));
    },
    company: (companyId) => (companyId === CBP_COMPANY_ID ? 'CBP' : companyNames.get(companyId)),
  };
};
