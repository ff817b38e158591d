import { listAlerts as route } from '../definitions/routes/alerts.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { list } from '../domain/alerts.ts';
import { systemClock } from '../domain/clock.ts';
import * as alertStore from '../data/alert-store.ts';

const deps = { clock: systemClock, alerts: alertStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await list(deps, caller, query.cursor ?? null, query.limit));
});
