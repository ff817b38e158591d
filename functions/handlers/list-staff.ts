import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { ListQuery } from '../schemas/users.ts';
import { listStaff } from '../domain/staff.ts';
import * as members from '../data/members.ts';

export const handler = authedHandler('listStaff', async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listStaff({ members }, caller, query.cursor ?? null, query.limit));
});
