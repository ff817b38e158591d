import { getCompanyUser as route } from '../definitions/routes/users.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { getCompanyUser } from '../domain/users.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { members: membershipStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await getCompanyUser(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id))),
);
