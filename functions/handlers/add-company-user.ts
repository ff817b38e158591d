import { addCompanyUser as route } from '../definitions/routes/users.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { AddUser } from '../schemas/requests/users.ts';
import { systemClock } from '../domain/clock.ts';
import { addCompanyUser } from '../domain/users.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';

const deps = {
  clock: systemClock,
  members: membershipStore,
  identities: cognitoUsers,
  limits: rateLimitStore,
  metrics,
};

// A repeat under the same Idempotency-Key derives the same ids, so it knows its own earlier run.
export const handler = keyedHandler(route, async (event, caller, { ids }) => {
  const companyId = pathParam(event, 'companyId', Id);
  const user = await addCompanyUser({ ...deps, ids }, caller, companyId, parseBody(AddUser, event));
  return created(user, `/companies/${companyId}/users/${user.userId}`);
});
