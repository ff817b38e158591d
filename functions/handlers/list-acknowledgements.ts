import { listAcknowledgements as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { acknowledgements } from '../domain/alerts.ts';
import * as alertStore from '../data/alert-store.ts';

const deps = { alerts: alertStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await acknowledgements(deps, caller, pathParam(event, 'alertId', Id), query.cursor ?? null, query.limit));
});
