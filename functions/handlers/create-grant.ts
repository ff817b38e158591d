import { createGrant as route } from '../definitions/routes/sharing.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { CreateGrant } from '../schemas/requests/sharing.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { createGrantAsAsked } from '../domain/sharing.ts';
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
  const companyId = pathParam(event, 'companyId', Id);
  const grant = await createGrantAsAsked(deps, caller, companyId, parseBody(CreateGrant, event));
  return created(grant, `/companies/${companyId}/grants/${grant.grantId}`);
});
