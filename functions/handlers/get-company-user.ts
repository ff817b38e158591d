import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { getCompanyUser } from '../domain/users.ts';
import * as members from '../data/members.ts';

export const handler = authedHandler('getCompanyUser', async (event, caller) =>
  ok(await getCompanyUser({ members }, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id))),
);
