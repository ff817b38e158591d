import { diffSecurityProfile as route } from '../definitions/routes/profile.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { DiffQuery } from '../schemas/requests/profile.ts';
import { diffVersions } from '../domain/profiles.ts';
import * as profileStore from '../data/profile-store.ts';
import * as auditStore from '../data/audit-store.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';

/** CBP's reads are recorded in the company's trail. */
const deps = { clock: systemClock, ids: uuidIds, profiles: profileStore, auditTrail: auditStore };

export const handler = authedHandler(route, async (event, caller) => {
  const { from, to } = parseQuery(DiffQuery, event);
  return ok(await diffVersions(deps, caller, pathParam(event, 'companyId', Id), from, to));
});
