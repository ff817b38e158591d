import { updateCompanyUser as route } from '../definitions/routes/users.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { UpdateUser } from '../schemas/requests/users.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { updateCompanyUser } from '../domain/users.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = { clock: systemClock, ids: uuidIds, members: membershipStore, identities: cognitoUsers };

export const handler = authedHandler(route, async (event, caller) => {
  const input = parseBody(UpdateUser, event);
  return ok(
    await updateCompanyUser(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id), input),
  );
});
