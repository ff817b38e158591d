import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { UpdateUser } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { updateCompanyUser } from '../domain/users.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';

const deps = { ...base, members, identities };

export const handler = authedHandler('updateCompanyUser', async (event, caller) => {
  const input = parseBody(UpdateUser, event);
  return ok(
    await updateCompanyUser(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id), input),
  );
});
