import { publishAlert as route } from '../definitions/routes/alerts.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { PublishAlert } from '../schemas/requests/alerts.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { publish } from '../domain/alerts.ts';
import { run } from '../domain/fan-out.ts';
import * as alertStore from '../data/alert-store.ts';
import * as audienceStore from '../data/audience-store.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';
import { logger, asError } from '../log.ts';

const deps = {
  clock: systemClock,
  // The fan-out's own ids: it resumes from its stored cursor, so a re-run needs none of the first run's.
  ids: uuidIds,
  alerts: alertStore,
  audiences: audienceStore,
  limits: rateLimitStore,
  metrics,
};

/** The first pages go out within the request; the fan-out job carries on from there. */
const IN_REQUEST_MS = 2_000;

// A repeat under the same Idempotency-Key derives the same ids, so it meets its own alert.
export const handler = keyedHandler(route, async (event, caller, { ids }) => {
  const alert = await publish({ ...deps, ids }, caller, parseBody(PublishAlert, event, 256 * 1024));
  if (alert.status === 'published')
    await run(deps, deps.clock.now, IN_REQUEST_MS, alert.alertId).catch((error: unknown) =>
      logger.error('in-request fan-out failed; the job carries on', { error: asError(error) }),
    );
  return created(alert, `/alerts/${alert.alertId}`);
});
