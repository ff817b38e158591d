/**
 * The audit trail (DESIGN section 3.11): a company reads its own, CBP reads everything. Records
 * are written by the changes (and confidential reads) themselves; nothing here changes one.
 */
import type { Deps } from './deps.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { BadRequest } from '../http/errors.ts';
import { requireExistsIfEmpty } from './companies.ts';
import type { AuditRecord } from '../data/audit-trail.ts';

const shown = ({ day: _day, ...rest }: AuditRecord & { day?: string }) => rest;

export const companyTrail = async (
  deps: Pick<Deps, 'auditTrail' | 'companies'>,
  caller: Caller,
  companyId: string,
  query: { action?: string; from?: string; to?: string; cursor?: string; limit: number },
) => {
  requireCompanyAccess(caller, companyId);
  if (query.from && query.to && query.from > query.to) throw new BadRequest('`from` must not be after `to`.', [{ field: 'from', message: 'must not be after to' }]);
  const page = await deps.auditTrail.ofCompany(companyId, query, query.cursor ?? null, query.limit);
  // CBP asking for a company that does not exist hears so, rather than an empty trail.
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !query.cursor);
  return { items: page.items.map(shown), nextCursor: page.cursor };
};

/** CBP: the whole portal's trail for one UTC day (default today), newest first. */
export const portalTrail = async (deps: Pick<Deps, 'auditTrail' | 'clock'>, caller: Caller, query: { day?: string; action?: string; cursor?: string; limit: number }) => {
  requireRole(caller, CBP_ROLES);
  const day = query.day ?? deps.clock.now().toISOString().slice(0, 10);
  const page = await deps.auditTrail.ofDay(day, query.action, query.cursor ?? null, query.limit);
  return { day, items: page.items.map(shown), nextCursor: page.cursor };
};
