/**
 * Point-of-contact continuity: CBP's change of a company's registered POC, the company's secondary
 * contact, and the addresses SES reported unreachable. Each change is one transaction with its
 * audit record (and, for the POC change, its notices).
 *
 * Items: the secondary contact's lookup entry at pk `COMPANY#<companyId>`, sk `SECONDARY_CONTACT`,
 * found by address on gsi1 `CONTACT#<email>` / `COMPANY#<companyId>` (a bounce for that address
 * finds every company that named it; the company item carries the same name and address for
 * reads); an unreachable address at pk `UNREACHABLE#<email>`, sk `ADDRESS`.
 */
import type { Unreachable } from '../schemas/company.ts';
import type { PocChange, SecondaryContactChange, UnreachableAddress, UnreachableReport } from '../schemas/contacts.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { Conflict, emailTaken, versionConflict } from '../errors.ts';
import { auditOp } from './audit-store.ts';
import { companyPatchOp } from './company-store.ts';
import { claimKey, claimOp, getClaim, memberPatchOp } from './membership-store.ts';
import { obligationPatchOp } from './obligation-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { assertCommitted, committed } from './transact.ts';
import {
  and,
  createOp,
  deleteOp,
  eq,
  getItem,
  indexKey,
  isConditionFailure,
  itemAbsent,
  key,
  ne,
  notExists,
  patchOp,
  putOp,
  queryAll,
  transact,
  write,
  type WriteOp,
} from './table-io.ts';

export type { PocChange, SecondaryContactChange, UnreachableAddress };

const secondaryContactKey = (companyId: string) => key(`COMPANY#${companyId}`, 'SECONDARY_CONTACT');
const byAddress = (email: string) => `CONTACT#${email}`;
const unreachableKey = (email: string) => key(`UNREACHABLE#${email}`, 'ADDRESS');

/** The company, both addresses' claims or accounts, its open obligations, the audit record and the two notices: all or nothing. */
export const changePoc = async (change: PocChange): Promise<void> => {
  const { companyId, incoming, outgoing } = change;
  const ops: WriteOp[] = [
    companyPatchOp(
      companyId,
      {
        set: { pocEmail: change.newEmail, ...(change.pocName ? { pocName: change.pocName } : {}) },
        add: { version: 1 },
        remove: change.pocName ? ['pocUnreachable'] : ['pocUnreachable', 'pocName'],
      },
      and(eq('version', change.expectedVersion), eq('pocEmail', change.oldEmail)),
    ),
    incoming.kind === 'claim'
      ? claimOp(
          { email: change.newEmail, companyId, kind: 'registered-poc', claimedAt: incoming.claimedAt },
          itemAbsent(),
        )
      : memberPatchOp(
          incoming.member,
          { role: 'primary-poc', permissions: { editProfile: true, authorizeSharing: true } },
          eq('status', 'active'),
        ),
  ];
  if (outgoing.kind === 'free-claim')
    ops.push(deleteOp(claimKey(change.oldEmail), and(eq('kind', 'registered-poc'), eq('companyId', companyId))));
  else if (outgoing.kind === 'disable')
    ops.push(
      memberPatchOp(
        outgoing.member,
        {
          role: 'company-user',
          status: 'disabled',
          permissions: { editProfile: false, authorizeSharing: false },
        },
        eq('role', 'primary-poc'),
      ),
    );
  for (const kind of change.openObligations)
    ops.push(obligationPatchOp(companyId, kind, { pocEmail: change.newEmail }));
  ops.push(auditOp(change.audit), ...change.deliveries.map(deliveryOp));
  assertCommitted(await transact(ops), (index) => {
    if (index === 0) return versionConflict('company');
    if (index === 1 && incoming.kind === 'claim') return emailTaken('pocEmail');
    return new Conflict(
      "The company's accounts changed during the change of point of contact; read the company again and retry.",
      'concurrent_change',
    );
  });
};

/** Names (or replaces) the secondary contact: on the company, its lookup entry, its open obligations, with the audit record. */
export const setSecondaryContact = async (change: SecondaryContactChange): Promise<void> => {
  const { companyId, contact } = change;
  const outcome = await transact([
    companyPatchOp(
      companyId,
      {
        set: { secondaryContact: { name: contact.name, email: contact.email } },
        remove: ['secondaryUnreachable'],
        add: { version: 1 },
      },
      eq('version', change.expectedVersion),
    ),
    putOp({
      ...secondaryContactKey(companyId),
      ...indexKey('gsi1', byAddress(contact.email), `COMPANY#${companyId}`),
      companyId,
      email: contact.email,
      name: contact.name,
      setAt: change.setAt,
    }),
    ...change.openObligations.map((kind) => obligationPatchOp(companyId, kind, { secondaryEmail: contact.email })),
    auditOp(change.audit),
  ]);
  assertCommitted(outcome, (index) =>
    index === 0
      ? versionConflict('company')
      : new Conflict("The company's obligations changed meanwhile; try again.", 'concurrent_change'),
  );
};

/** The companies whose POC (through the email claim) or secondary contact (through its lookup entry) may be this address. */
export const companiesReachedAt = async (email: string): Promise<{ poc: string[]; secondary: string[] }> => {
  const [claim, contacts] = await Promise.all([
    getClaim(email, { consistent: true }),
    queryAll<{ companyId: string }>({
      index: 'gsi1',
      partition: byAddress(email),
      sort: { beginsWith: 'COMPANY#' },
    }),
  ]);
  return { poc: claim ? [claim.companyId] : [], secondary: contacts.map((c) => c.companyId) };
};

/**
 * Records SES's report about an address: created on the first, updated on a later one; the same
 * report delivered twice (at-least-once delivery) changes nothing. Answers whether it was new.
 */
export const recordUnreachable = async (report: UnreachableReport): Promise<boolean> => {
  const detail = report.detail ? { detail: report.detail } : {};
  try {
    const first: UnreachableAddress = {
      email: report.email,
      reason: report.reason,
      ...detail,
      firstAt: report.at,
      lastAt: report.at,
      sesMessageId: report.sesMessageId,
      reports: 1,
    };
    await write(createOp({ ...unreachableKey(report.email), ...first }));
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  try {
    await write(
      patchOp(
        unreachableKey(report.email),
        {
          set: { reason: report.reason, ...detail, lastAt: report.at, sesMessageId: report.sesMessageId },
          add: { reports: 1 },
        },
        ne('sesMessageId', report.sesMessageId),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const getUnreachable = (email: string): Promise<UnreachableAddress | null> =>
  getItem<UnreachableAddress>(unreachableKey(email));

/**
 * Marks a company's POC or secondary contact unreachable, with its audit record, only if that is
 * still the company's address for the role and not yet marked: a repeat, or a report about an
 * address the company no longer uses, changes nothing (false).
 */
export const markUnreachable = async (
  companyId: string,
  role: 'poc' | 'secondary',
  email: string,
  unreachable: Unreachable,
  audit: AuditRecord,
): Promise<boolean> => {
  const mark =
    role === 'poc'
      ? companyPatchOp(
          companyId,
          { set: { pocUnreachable: unreachable }, add: { version: 1 } },
          and(eq('pocEmail', email), notExists('pocUnreachable')),
        )
      : companyPatchOp(
          companyId,
          { set: { secondaryUnreachable: unreachable }, add: { version: 1 } },
          and(eq('secondaryContact.email', email), notExists('secondaryUnreachable')),
        );
  return committed(await transact([mark, auditOp(audit)]));
};
