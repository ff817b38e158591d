import { listStaff as route } from '../definitions/routes/users.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { listStaff } from '../domain/staff.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { members: membershipStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listStaff(deps, caller, query.cursor ?? null, query.limit));
});
