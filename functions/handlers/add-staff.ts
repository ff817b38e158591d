import { addStaff as route } from '../definitions/routes/users.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { AddStaff } from '../schemas/requests/users.ts';
import { systemClock } from '../domain/clock.ts';
import { addStaff } from '../domain/staff.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = {
  clock: systemClock,
  members: membershipStore,
  identities: cognitoUsers,
};

// A repeat under the same Idempotency-Key derives the same ids, so it knows its own earlier run.
export const handler = keyedHandler(route, async (event, caller, { ids }) => {
  const user = await addStaff({ ...deps, ids }, caller, parseBody(AddStaff, event));
  return created(user, `/staff/${user.userId}`);
});
