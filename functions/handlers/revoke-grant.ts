import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { noContent } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { base } from '../domain/deps.ts';
import { revokeGrant } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';

export const handler = authedHandler('revokeGrant', async (event, caller) => {
  await revokeGrant({ ...base, grants }, caller, pathParam(event, 'companyId', Id), pathParam(event, 'grantId', Id));
  return noContent();
});
