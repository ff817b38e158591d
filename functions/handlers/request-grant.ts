import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { RequestGrant } from '../schemas/sharing.ts';
import { base } from '../domain/deps.ts';
import { requestGrant } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';
import * as companies from '../data/companies.ts';
import * as limits from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';

export const handler = authedHandler('requestGrant', async (event, caller) => {
  const request = await requestGrant(
    { ...base, grants, companies, limits, metrics },
    caller,
    pathParam(event, 'companyId', Id),
    parseBody(RequestGrant, event),
  );
  return created(request, `/companies/${request.requesterCompanyId}/grant-requests?direction=outgoing`);
});
