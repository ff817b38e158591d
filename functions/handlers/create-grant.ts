import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { CreateGrant } from '../schemas/sharing.ts';
import { base } from '../domain/deps.ts';
import { createGrant } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('createGrant', async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const grant = await createGrant({ ...base, grants, companies }, caller, companyId, parseBody(CreateGrant, event));
  return created(grant, `/companies/${companyId}/grants/${grant.grantId}`);
});
