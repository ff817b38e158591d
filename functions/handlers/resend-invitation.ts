import { resendInvitation as route } from '../definitions/routes/users.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { pathParam } from '../http/request.ts';
import { json } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { resendInvitation } from '../domain/invitations.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  members: membershipStore,
  identities: cognitoUsers,
  limits: rateLimitStore,
  metrics,
};

export const handler = keyedHandler(route, async (event, caller) =>
  json(202, await resendInvitation(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id))),
);
