import { addStaff as route } from '../definitions/routes/users.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { AddStaff } from '../schemas/requests/users.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { addStaff } from '../domain/staff.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  members: membershipStore,
  identities: cognitoUsers,
};

export const handler = keyedHandler(route, async (event, caller) => {
  const user = await addStaff(deps, caller, parseBody(AddStaff, event));
  return created(user, `/staff/${user.userId}`);
});
