/**
 * A partner reads a company through a sharing grant (DESIGN section 3.10): only what the scope
 * allows, confirmed against the owner's own copy of the grant, and recorded in the owner's trail
 * before it is answered.
 */
import type { Clock, Ids } from './clock.ts';
import type { Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { completeness } from './profile-rules.ts';
import { inForce, requireCompanyUser, type GrantStore } from './sharing.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { SCOPES, scopeIncludes } from '../definitions/sharing-terms.ts';
import type { PartnerView } from '../schemas/sharing.ts';
import type { Scope } from '../schemas/requests/sharing.ts';
import type { StoredGrant } from '../schemas/grants.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import type { Certification, ProfileVersion } from '../schemas/profile.ts';

/** What a partner may be shown of the owner: the company, its current profile and its certifications. */
export interface SharedRecords {
  load(companyId: string): Promise<{ readonly company: Company | null; readonly profile: ProfileVersion | null }>;
  /** Newest first. */
  listCertifications(companyId: string): Promise<readonly Certification[]>;
}

/** The owner's audit trail, where every read through a grant is recorded. */
export interface ReadRecorder {
  record(record: AuditRecord): Promise<void>;
}

/**
 * The widest grant in force from the owner to the caller's company, if any. The grantee index
 * is eventually consistent, so each candidate, widest first, is confirmed by a consistent read
 * of the owner's item: a grant revoked a moment ago is refused at once.
 */
const bestGrant = async (
  deps: { readonly grants: Pick<GrantStore, 'toGrantee' | 'get'> },
  granteeId: string,
  ownerCompanyId: string,
  now: Date,
): Promise<StoredGrant | null> => {
  const candidates: StoredGrant[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: StoredGrant[]; cursor: string | null } = await deps.grants.toGrantee(
      granteeId,
      cursor,
      100,
      ownerCompanyId,
    );
    candidates.push(...page.items.filter((g) => inForce(g, now)));
    cursor = page.cursor;
  } while (cursor);
  candidates.sort((a, b) => SCOPES.indexOf(b.scope) - SCOPES.indexOf(a.scope));
  for (const candidate of candidates) {
    const current = await deps.grants.get(ownerCompanyId, candidate.grantId);
    if (current && inForce(current, now)) return current;
  }
  return null;
};

type PartnerDeps = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly grants: Pick<GrantStore, 'toGrantee' | 'get'>;
  readonly profiles: SharedRecords;
  readonly auditTrail: ReadRecorder;
};

/**
 * A partner reads a company through a grant in force: what the scope allows and nothing more,
 * recorded in the owner's trail before it is answered. Without a grant the company does not
 * exist for the caller (404).
 */
export const partnerView = async (
  deps: PartnerDeps,
  caller: Caller,
  ownerCompanyId: string,
  wanted?: Scope,
): Promise<PartnerView> => {
  requireCompanyUser(caller);
  const now = deps.clock.now();
  const grant =
    ownerCompanyId === caller.companyId ? null : await bestGrant(deps, caller.companyId, ownerCompanyId, now);
  if (!grant) throw new NotFound('No such company, or nothing shared with your company.');
  if (wanted && !scopeIncludes(grant.scope, wanted))
    throw new Forbidden(`The grant you hold covers ${grant.scope}, not ${wanted}.`, 'outside_grant');
  let scope = wanted ?? grant.scope;
  const record = await deps.profiles.load(ownerCompanyId);
  if (!record.company) throw new NotFound('No such company, or nothing shared with your company.');
  const company = record.company;
  // A company removed from C-TPAT shares its status (that it was removed) and nothing more.
  if (company.status === 'removed' && scope !== 'status') {
    if (wanted)
      throw new Forbidden('The company has been removed from C-TPAT; only its status is shared.', 'owner_removed');
    scope = 'status';
  }
  const view: PartnerView = {
    companyId: company.companyId,
    legalName: company.legalName,
    scope,
    grantId: grant.grantId,
    expiresOn: grant.expiresOn,
    status: company.status,
    category: company.category,
  };
  if (scopeIncludes(scope, 'profile-summary')) {
    const certifications = await deps.profiles.listCertifications(ownerCompanyId);
    const last = certifications.find((c) => c.status !== 'returned');
    const c = completeness(company.category, record.profile?.answers ?? {});
    Object.assign(view, {
      certification: { lastCertifiedAt: last?.certifiedAt ?? null, nextDueAt: company.nextCertificationDueAt ?? null },
      completeness: {
        complete: c.complete,
        answered: c.answered,
        required: c.required,
        incompleteSections: [...new Set(c.missing.map((m) => m.section))],
      },
    });
  }
  if (scope === 'profile' && record.profile)
    Object.assign(view, {
      profile: { version: record.profile.version, answers: record.profile.answers, savedAt: record.profile.savedAt },
    });
  await deps.auditTrail.record(
    auditItem(
      caller,
      {
        companyId: ownerCompanyId,
        action: 'grant.read',
        objectType: 'grant',
        objectId: grant.grantId,
        changes: { scope, readerCompanyId: caller.companyId },
      },
      now,
      deps.ids.next(),
    ),
  );
  return view;
};
