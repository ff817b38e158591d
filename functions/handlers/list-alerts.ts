import { listAlerts as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { ListQuery } from '../schemas/users.ts';
import { list } from '../domain/alerts.ts';
import { base } from '../domain/deps.ts';
import * as alerts from '../data/alerts.ts';

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await list({ alerts, clock: base.clock }, caller, query.cursor ?? null, query.limit));
});
