import { publicHandler } from '../http/public-handler.ts';
import { json } from '../http/response.ts';
import { checkReadiness } from '../domain/readiness.ts';
import * as probes from '../data/readiness-probes.ts';
import { logger } from '../log.ts';

const deps = { probes: { dynamodb: probes.table, userPoolKeys: probes.userPoolKeys, ses: probes.email } };

/** Each check's own bound: well inside the function's 10 s, short enough for a load balancer's probe. */
const CHECK_TIMEOUT_MS = 2_000;

export const handler = publicHandler(async () => {
  const { ready, checks, failures } = await checkReadiness(deps, CHECK_TIMEOUT_MS);
  // What failed is logged for the operator; the caller learns only which check is down.
  if (!ready) logger.warn('not ready', { failures });
  return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', checks });
});
