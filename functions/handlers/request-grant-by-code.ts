import { requestGrantByCode as route } from '../definitions/routes/sharing.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { RequestGrantByCode } from '../schemas/requests/sharing.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { requestGrantByCode } from '../domain/grant-requests.ts';
import * as grantStore from '../data/grant-store.ts';
import * as companyStore from '../data/company-store.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  grants: grantStore,
  companies: companyStore,
  limits: rateLimitStore,
  metrics,
};

export const handler = keyedHandler(route, async (event, caller) => {
  const request = await requestGrantByCode(deps, caller, parseBody(RequestGrantByCode, event));
  return created(request, `/companies/${request.requesterCompanyId}/grant-requests?direction=outgoing`);
});
