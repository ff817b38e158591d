import { getAlert as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { get } from '../domain/alerts.ts';
import * as alertStore from '../data/alert-store.ts';
import * as directory from '../data/directory-store.ts';

const deps = { alerts: alertStore, directory };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await get(deps, caller, pathParam(event, 'alertId', Id))),
);
