import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { VersionNumber } from '../schemas/profile.ts';
import { getVersion } from '../domain/profiles.ts';
import * as profiles from '../data/profiles.ts';
import * as auditTrail from '../data/audit-store.ts';
import { base } from '../domain/deps.ts';

/** CBP's reads are recorded in the company's trail. */
const deps = { ...base, profiles, auditTrail };

export const handler = authedHandler('getProfileVersion', async (event, caller) =>
  ok(await getVersion(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'version', VersionNumber))),
);
