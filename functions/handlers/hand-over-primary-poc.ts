import { handOverPrimaryPoc as route } from '../definitions/routes/users.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { HandOver } from '../schemas/requests/users.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { handOverPrimaryPoc } from '../domain/hand-over.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';
import * as companyStore from '../data/company-store.ts';
import * as obligationStore from '../data/obligation-store.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  members: membershipStore,
  identities: cognitoUsers,
  companies: companyStore,
  obligations: obligationStore,
};

export const handler = keyedHandler(route, async (event, caller) => {
  const input = parseBody(HandOver, event);
  return ok(
    await handOverPrimaryPoc(deps, caller, pathParam(event, 'companyId', Id), input.userId, input.formerPocPermissions),
  );
});
