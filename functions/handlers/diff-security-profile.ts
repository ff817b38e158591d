import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { DiffQuery } from '../schemas/profile.ts';
import { diffVersions } from '../domain/profiles.ts';
import * as profiles from '../data/profiles.ts';
import * as auditTrail from '../data/audit-store.ts';
import { base } from '../domain/deps.ts';

/** CBP's reads are recorded in the company's trail. */
const deps = { ...base, profiles, auditTrail };

export const handler = authedHandler('diffSecurityProfile', async (event, caller) => {
  const { from, to } = parseQuery(DiffQuery, event);
  return ok(await diffVersions(deps, caller, pathParam(event, 'companyId', Id), from, to));
});
