import { acknowledgeAlert as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { acknowledge } from '../domain/alerts.ts';
import * as alertStore from '../data/alert-store.ts';

const deps = { clock: systemClock, ids: uuidIds, alerts: alertStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await acknowledge(deps, caller, pathParam(event, 'alertId', Id))),
);
