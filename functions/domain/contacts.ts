/**
 * Point-of-contact continuity (DESIGN section 3.12, issue 16): companies are removed because
 * nobody can reach their POC, so a CBP administrator can change the registered POC, a company
 * names a secondary contact who hears reminders and removal notices too, and addresses SES
 * reports as bouncing or complaining are marked unreachable on the company (see email-feedback.ts).
 */
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import * as notices from './notices.ts';
import { auditItem } from './audit.ts';
import type { CompanyReader, Identities, Memberships, OpenObligations } from './users.ts';
import { BadRequest, Conflict, emailTaken, NotFound, versionConflict } from '../errors.ts';
import type { PocChange, SecondaryContactChange } from '../schemas/contacts.ts';
import type { Member } from '../schemas/membership.ts';
import { companyView } from './companies.ts';
import type { Company, CompanyView } from '../schemas/company.ts';
import type { ChangePoc, SetSecondaryContact } from '../schemas/requests/contacts.ts';
import { logger, asError } from '../log.ts';

/** The company's contacts' records: each change one transaction with its audit record, refused (409) when the company moved. */
export interface ContactRecords {
  changePoc(change: PocChange): Promise<void>;
  setSecondaryContact(change: SecondaryContactChange): Promise<void>;
}

export interface ContactDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: CompanyReader;
  readonly members: Pick<Memberships, 'get' | 'getClaim'>;
  readonly obligations: OpenObligations;
  readonly contacts: ContactRecords;
  readonly identities: Pick<Identities, 'setEnabled' | 'moveToGroup'>;
}

const found = async (deps: Pick<ContactDeps, 'companies'>, caller: Caller, companyId: string): Promise<Company> => {
  const company =
    caller.prefetched?.companyId === companyId ? caller.prefetched.record : await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  return company;
};

const requireVersion = (company: Company, version: number) => {
  if (version !== company.version) throw versionConflict('company', company.version);
};

/** Cognito follows the records (decision 16): a failure is logged, never a reason to disagree with them. */
const followInCognito = async (step: () => Promise<void>, what: string) =>
  step().catch((error: unknown) => logger.error(`cognito ${what} failed`, { error: asError(error) }));

/**
 * Where the new address comes from: unclaimed (the company may request its account with it), or
 * an active user of this company (who becomes the primary POC at once). An address anyone else
 * holds is refused (one email is one person, decision 4).
 */
const incomingFor = async (
  deps: Pick<ContactDeps, 'members'>,
  companyId: string,
  email: string,
  now: string,
): Promise<PocChange['incoming']> => {
  const claim = await deps.members.getClaim(email);
  if (!claim) return { kind: 'claim', claimedAt: now };
  if (claim.companyId !== companyId || claim.kind !== 'user' || !claim.userId) throw emailTaken('pocEmail');
  const member = await deps.members.get(companyId, claim.userId);
  if (!member) throw emailTaken('pocEmail');
  if (member.status !== 'active') {
    throw new Conflict(
      'That address belongs to a disabled user of the company; the company must re-enable them first.',
      'user_disabled',
      [{ field: 'pocEmail', message: 'belongs to a disabled user' }],
    );
  }
  return { kind: 'promote', member };
};

/** What happens to the old address: its claim is freed (no account yet), or its primary-POC account is disabled. */
const outgoingFor = async (deps: Pick<ContactDeps, 'members'>, company: Company): Promise<PocChange['outgoing']> => {
  const claim = await deps.members.getClaim(company.pocEmail);
  if (!claim || claim.companyId !== company.companyId) return { kind: 'none' };
  if (claim.kind === 'registered-poc') return { kind: 'free-claim' };
  const member: Member | null = claim.userId ? await deps.members.get(company.companyId, claim.userId) : null;
  return member?.role === 'primary-poc' ? { kind: 'disable', member } : { kind: 'none' };
};

/**
 * A CBP administrator changes a company's registered POC email, with the reason (decision 47).
 * In one transaction: the company's address (its unreachable mark cleared), the claims on both
 * addresses, the open obligations' copy, the old primary-POC account disabled and demoted (if
 * there is one) or the new address's user promoted (if it is one of the company's users), the
 * audit record and a notice to each address. Cognito follows afterwards.
 */
export const changePoc = async (
  deps: ContactDeps,
  caller: Caller,
  companyId: string,
  input: ChangePoc,
): Promise<CompanyView> => {
  requireRole(caller, ['cbp-admin']);
  const company = await found(deps, caller, companyId);
  requireVersion(company, input.version);
  const newEmail = input.pocEmail.toLowerCase();
  if (newEmail === company.pocEmail)
    throw new BadRequest('That address is already the registered point of contact.', [
      { field: 'pocEmail', message: 'is the current point of contact' },
    ]);
  const now = deps.clock.now();
  const [incoming, outgoing, open] = await Promise.all([
    incomingFor(deps, companyId, newEmail, now.toISOString()),
    outgoingFor(deps, company),
    deps.obligations.ofCompany(companyId),
  ]);
  const pocName = input.pocName ?? (incoming.kind === 'promote' ? incoming.member.name : undefined);
  const account: notices.PocAccount =
    incoming.kind === 'promote'
      ? 'existing-user-promoted'
      : outgoing.kind === 'disable'
        ? 'new-address-requests'
        : 'none-yet';
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'company.poc-changed',
      objectType: 'company',
      objectId: companyId,
      changes: {
        reason: input.reason,
        pocEmail: { before: company.pocEmail, after: newEmail },
        pocName: { before: company.pocName ?? null, after: pocName ?? null },
        account,
        ...(outgoing.kind === 'disable' ? { disabledUserId: outgoing.member.userId } : {}),
        ...(incoming.kind === 'promote' ? { promotedUserId: incoming.member.userId } : {}),
        ...(company.pocUnreachable ? { clearedUnreachable: company.pocUnreachable } : {}),
      },
    },
    now,
    deps.ids.next(),
  );
  const deliveries = notices.pocChanged(
    deps.ids,
    { companyId, oldEmail: company.pocEmail, newEmail, account, oldAccountDisabled: outgoing.kind === 'disable' },
    now.toISOString(),
  );
  await deps.contacts.changePoc({
    companyId,
    expectedVersion: company.version,
    oldEmail: company.pocEmail,
    newEmail,
    ...(pocName ? { pocName } : {}),
    incoming,
    outgoing,
    openObligations: open.map((o) => o.kind),
    audit,
    deliveries,
  });
  if (outgoing.kind === 'disable') {
    const old = outgoing.member.email;
    await followInCognito(async () => {
      await deps.identities.setEnabled(outgoing.member.companyId, old, false);
      await deps.identities.moveToGroup(old, 'primary-poc', 'company-user');
    }, 'disable of the old primary POC');
  }
  if (incoming.kind === 'promote')
    await followInCognito(
      () => deps.identities.moveToGroup(incoming.member.email, 'company-user', 'primary-poc'),
      'promotion of the new primary POC',
    );
  const { pocUnreachable: _cleared, pocName: _oldName, ...rest } = company;
  return companyView({ ...rest, pocEmail: newEmail, ...(pocName ? { pocName } : {}), version: company.version + 1 });
};

/**
 * The primary POC names (or replaces) the company's secondary contact, who then hears its
 * deadline reminders and removal notices too. Audited; the company version guards it.
 */
export const setSecondaryContact = async (
  deps: Pick<ContactDeps, 'clock' | 'ids' | 'companies' | 'obligations' | 'contacts'>,
  caller: Caller,
  companyId: string,
  input: SetSecondaryContact,
): Promise<CompanyView> => {
  requireRole(caller, ['primary-poc']);
  if (caller.companyId !== companyId) throw new NotFound('No such company.');
  const company = await found(deps, caller, companyId);
  requireVersion(company, input.version);
  const contact = { name: input.name, email: input.email.toLowerCase() };
  if (contact.email === company.pocEmail)
    throw new BadRequest('The secondary contact must be someone other than the point of contact.', [
      { field: 'email', message: "is the point of contact's address" },
    ]);
  const now = deps.clock.now();
  const open = await deps.obligations.ofCompany(companyId);
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'company.secondary-contact-set',
      objectType: 'company',
      objectId: companyId,
      changes: { before: company.secondaryContact ?? null, after: contact },
    },
    now,
    deps.ids.next(),
  );
  await deps.contacts.setSecondaryContact({
    companyId,
    expectedVersion: company.version,
    contact,
    setAt: now.toISOString(),
    openObligations: open.map((o) => o.kind),
    audit,
  });
  const { secondaryUnreachable: _cleared, ...rest } = company;
  return companyView({ ...rest, secondaryContact: contact, version: company.version + 1 });
};
