import { sharedWithMe as route } from '../definitions/routes/sharing.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { systemClock } from '../domain/clock.ts';
import { sharedWithMe } from '../domain/sharing.ts';
import * as grantStore from '../data/grant-store.ts';

const deps = { clock: systemClock, grants: grantStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await sharedWithMe(deps, caller, query.cursor ?? null, query.limit));
});
