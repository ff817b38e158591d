import { updateStaff as route } from '../definitions/routes/users.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { UpdateStaff } from '../schemas/requests/users.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { updateStaff } from '../domain/staff.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = { clock: systemClock, ids: uuidIds, members: membershipStore, identities: cognitoUsers };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await updateStaff(deps, caller, pathParam(event, 'userId', Id), parseBody(UpdateStaff, event))),
);
