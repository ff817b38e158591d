import { publishAlert as route } from '../definitions/routes/alerts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { PublishAlert } from '../schemas/alerts.ts';
import { base } from '../domain/deps.ts';
import { publish } from '../domain/alerts.ts';
import { run } from '../domain/fan-out.ts';
import * as alerts from '../data/alerts.ts';
import * as audiences from '../data/audiences.ts';
import * as limits from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';

const deps = { ...base, alerts, audiences, limits, metrics };

/** The first pages go out within the request; the fan-out job carries on from there. */
const IN_REQUEST_MS = 2_000;

export const handler = authedHandler(route, async (event, caller) => {
  const alert = await publish(deps, caller, parseBody(PublishAlert, event, 256 * 1024));
  if (alert.status === 'published')
    await run(deps, deps.clock.now, IN_REQUEST_MS, alert.alertId).catch((error: unknown) =>
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'in-request fan-out failed; the job carries on',
          error: String(error),
        }),
      ),
    );
  return created(alert, `/alerts/${alert.alertId}`);
});
