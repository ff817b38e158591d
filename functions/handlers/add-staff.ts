import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { AddStaff } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { addStaff } from '../domain/staff.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';

const deps = { ...base, members, identities, outbox, mailer };

export const handler = authedHandler('addStaff', async (event, caller) => {
  const user = await addStaff(deps, caller, parseBody(AddStaff, event));
  return created(user, `/staff/${user.userId}`);
});
