import { alertReach as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { AlertReachQuery } from '../schemas/requests/alerts.ts';
import { reachOf } from '../domain/alerts.ts';
import * as audienceStore from '../data/audience-store.ts';

const deps = { audiences: audienceStore };

export const handler = authedHandler(route, async (event, caller) => {
  const { audience } = parseBody(AlertReachQuery, event);
  return ok(await reachOf(deps, caller, audience));
});
