import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { ListQuery } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { sharedWithMe } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';

export const handler = authedHandler('sharedWithMe', async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await sharedWithMe({ ...base, grants }, caller, query.cursor ?? null, query.limit));
});
