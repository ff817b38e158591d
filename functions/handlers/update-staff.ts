import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { UpdateStaff } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { updateStaff } from '../domain/staff.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';

const deps = { ...base, members, identities };

export const handler = authedHandler('updateStaff', async (event, caller) =>
  ok(await updateStaff(deps, caller, pathParam(event, 'userId', Id), parseBody(UpdateStaff, event))),
);
