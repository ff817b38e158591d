import { approveAlert as route } from '../definitions/routes/alerts.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { approve } from '../domain/alerts.ts';
import { run } from '../domain/fan-out.ts';
import * as alertStore from '../data/alert-store.ts';
import * as audienceStore from '../data/audience-store.ts';
import { logger, asError } from '../log.ts';

const deps = { clock: systemClock, ids: uuidIds, alerts: alertStore, audiences: audienceStore };

export const handler = keyedHandler(route, async (event, caller) => {
  const alert = await approve(deps, caller, pathParam(event, 'alertId', Id));
  await run(deps, deps.clock.now, 2_000, alert.alertId).catch((error: unknown) =>
    logger.error('in-request fan-out failed; the job carries on', { error: asError(error) }),
  );
  return ok(alert);
});
