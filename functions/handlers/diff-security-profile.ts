import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { DiffQuery } from '../schemas/profile.ts';
import { diffVersions } from '../domain/profiles.ts';
import * as profiles from '../data/profiles.ts';

export const handler = authedHandler('diffSecurityProfile', async (event, caller) => {
  const { from, to } = parseQuery(DiffQuery, event);
  return ok(await diffVersions({ profiles }, caller, pathParam(event, 'companyId', Id), from, to));
});
