/**
 * Point-of-contact continuity: CBP's change of a company's registered POC, the company's secondary
 * contact, and the addresses SES reported unreachable. Each change is one transaction with its
 * audit record (and, for the POC change, its notices).
 */
import { portal, emailClaim, secondaryContact, unreachableAddress } from './entities.ts';
import { assertCommitted, committed, isConditionFailure } from './transact.ts';
import { Conflict, emailTaken, versionConflict } from '../errors.ts';
import type { Member } from './members.ts';
import type { Delivery } from './delivery-records.ts';
import type { ObligationKind } from '../domain/deadline-schedule.ts';
import type { Unreachable } from '../schemas/company.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

export interface PocChange {
  readonly companyId: string;
  /** The company version read: the change is refused if it moved. */
  readonly expectedVersion: number;
  readonly oldEmail: string;
  readonly newEmail: string;
  readonly pocName?: string;
  /** The new address is claimed for the company, or belongs to its active user who becomes the primary POC. */
  readonly incoming:
    | { readonly kind: 'claim'; readonly claimedAt: string }
    | { readonly kind: 'promote'; readonly member: Member };
  /** The old address's claim is freed (no account yet), or its primary-POC account is disabled and demoted. */
  readonly outgoing:
    | { readonly kind: 'free-claim' }
    | { readonly kind: 'disable'; readonly member: Member }
    | { readonly kind: 'none' };
  readonly openObligations: readonly ObligationKind[];
  readonly audit: AuditAttributes;
  readonly deliveries: readonly Delivery[];
}

/** The company, both addresses' claims or accounts, its open obligations, the audit record and the two notices: all or nothing. */
export const changePoc = async (change: PocChange): Promise<void> => {
  const { companyId } = change;
  const outcome = await portal.transaction
    .write((entities) => {
      let companyPatch = entities.company
        .patch({ companyId })
        .set({ pocEmail: change.newEmail, ...(change.pocName ? { pocName: change.pocName } : {}) })
        .add({ version: 1 });
      companyPatch = companyPatch.remove(change.pocName ? ['pocUnreachable'] : ['pocUnreachable', 'pocName']);
      const parts = [
        companyPatch
          .where(
            (attr, op) => `${op.eq(attr.version, change.expectedVersion)} AND ${op.eq(attr.pocEmail, change.oldEmail)}`,
          )
          .commit(),
      ];
      const { incoming, outgoing } = change;
      if (incoming.kind === 'claim') {
        parts.push(
          entities.emailClaim
            .create({ email: change.newEmail, companyId, kind: 'registered-poc', claimedAt: incoming.claimedAt })
            .commit(),
        );
      } else {
        parts.push(
          entities.member
            .patch({ companyId, userId: incoming.member.userId })
            .set({
              role: 'primary-poc',
              version: incoming.member.version + 1,
              permissions: { editProfile: true, authorizeSharing: true },
            })
            .where((attr, op) => `${op.eq(attr.version, incoming.member.version)} AND ${op.eq(attr.status, 'active')}`)
            .commit(),
        );
      }
      if (outgoing.kind === 'free-claim') {
        parts.push(
          entities.emailClaim
            .delete({ email: change.oldEmail })
            .where((attr, op) => `${op.eq(attr.kind, 'registered-poc')} AND ${op.eq(attr.companyId, companyId)}`)
            .commit(),
        );
      } else if (outgoing.kind === 'disable') {
        parts.push(
          entities.member
            .patch({ companyId, userId: outgoing.member.userId })
            .set({
              role: 'company-user',
              status: 'disabled',
              version: outgoing.member.version + 1,
              permissions: { editProfile: false, authorizeSharing: false },
            })
            .where(
              (attr, op) => `${op.eq(attr.version, outgoing.member.version)} AND ${op.eq(attr.role, 'primary-poc')}`,
            )
            .commit(),
        );
      }
      for (const kind of change.openObligations)
        parts.push(entities.obligation.patch({ companyId, kind }).set({ pocEmail: change.newEmail }).commit());
      parts.push(entities.audit.create(change.audit).commit());
      for (const delivery of change.deliveries) parts.push(entities.delivery.create(delivery).commit());
      return parts;
    })
    .go();
  assertCommitted(outcome, (index) => {
    if (index === 0) return versionConflict('company');
    if (index === 1 && change.incoming.kind === 'claim') return emailTaken('pocEmail');
    return new Conflict(
      "The company's accounts changed during the change of point of contact; read the company again and retry.",
      'concurrent_change',
    );
  });
};

export interface SecondaryContactChange {
  readonly companyId: string;
  readonly expectedVersion: number;
  readonly contact: { readonly name: string; readonly email: string };
  readonly setAt: string;
  readonly openObligations: readonly ObligationKind[];
  readonly audit: AuditAttributes;
}

/** Names (or replaces) the secondary contact: on the company, its lookup entry, its open obligations, with the audit record. */
export const setSecondaryContact = async (change: SecondaryContactChange): Promise<void> => {
  const { companyId, contact } = change;
  const outcome = await portal.transaction
    .write((entities) => [
      entities.company
        .patch({ companyId })
        .set({ secondaryContact: { name: contact.name, email: contact.email } })
        .remove(['secondaryUnreachable'])
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, change.expectedVersion))
        .commit(),
      entities.secondaryContact
        .put({ companyId, email: contact.email, name: contact.name, setAt: change.setAt })
        .commit(),
      ...change.openObligations.map((kind) =>
        entities.obligation.patch({ companyId, kind }).set({ secondaryEmail: contact.email }).commit(),
      ),
      entities.audit.create(change.audit).commit(),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 0
      ? versionConflict('company')
      : new Conflict("The company's obligations changed meanwhile; try again.", 'concurrent_change'),
  );
};

/** The companies whose POC (through the email claim) or secondary contact (through its lookup entry) may be this address. */
export const companiesReachedAt = async (email: string): Promise<{ poc: string[]; secondary: string[] }> => {
  const [claim, contacts] = await Promise.all([
    emailClaim.get({ email }).go({ consistent: true }),
    secondaryContact.query.byEmail({ email }).go({ pages: 'all' }),
  ]);
  return { poc: claim.data ? [claim.data.companyId] : [], secondary: contacts.data.map((c) => c.companyId) };
};

/**
 * Records SES's report about an address: created on the first, updated on a later one; the same
 * report delivered twice (at-least-once delivery) changes nothing. Answers whether it was new.
 */
export const recordUnreachable = async (report: {
  email: string;
  reason: Unreachable['reason'];
  detail?: string;
  at: string;
  sesMessageId: string;
}): Promise<boolean> => {
  const detail = report.detail ? { detail: report.detail } : {};
  try {
    await unreachableAddress
      .create({
        email: report.email,
        reason: report.reason,
        ...detail,
        firstAt: report.at,
        lastAt: report.at,
        sesMessageId: report.sesMessageId,
        reports: 1,
      })
      .go();
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  try {
    await unreachableAddress
      .patch({ email: report.email })
      .set({ reason: report.reason, ...detail, lastAt: report.at, sesMessageId: report.sesMessageId })
      .add({ reports: 1 })
      .where((attr, op) => op.ne(attr.sesMessageId, report.sesMessageId))
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

export const getUnreachable = async (email: string) => (await unreachableAddress.get({ email }).go()).data ?? null;

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
  audit: AuditAttributes,
): Promise<boolean> => {
  const outcome = await portal.transaction
    .write((entities) => [
      role === 'poc'
        ? entities.company
            .patch({ companyId })
            .set({ pocUnreachable: unreachable })
            .add({ version: 1 })
            .where((attr, op) => `${op.eq(attr.pocEmail, email)} AND ${op.notExists(attr.pocUnreachable)}`)
            .commit()
        : entities.company
            .patch({ companyId })
            .set({ secondaryUnreachable: unreachable })
            .add({ version: 1 })
            .where(
              (attr, op) =>
                `${op.eq(attr.secondaryContact.email, email)} AND ${op.notExists(attr.secondaryUnreachable)}`,
            )
            .commit(),
      entities.audit.create(audit).commit(),
    ])
    .go();
  return committed(outcome);
};
