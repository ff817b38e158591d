import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { HandOver } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { handOverPrimaryPoc } from '../domain/users.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as companies from '../data/company-store.ts';
import * as obligations from '../data/obligation-store.ts';

const deps = { ...base, members, identities, companies, obligations };

export const handler = authedHandler('handOverPrimaryPoc', async (event, caller) => {
  const input = parseBody(HandOver, event);
  return ok(
    await handOverPrimaryPoc(deps, caller, pathParam(event, 'companyId', Id), input.userId, input.formerPocPermissions),
  );
});
