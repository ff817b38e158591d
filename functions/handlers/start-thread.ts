import { startThread as route } from '../definitions/routes/messages.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { StartThread } from '../schemas/requests/messages.ts';
import { systemClock } from '../domain/clock.ts';
import { startThread } from '../domain/messages.ts';
import * as messageStore from '../data/message-store.ts';
import * as companyStore from '../data/company-store.ts';
import * as memberStore from '../data/membership-store.ts';
import * as outboxStore from '../data/outbox-store.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

const deps = {
  clock: systemClock,
  threads: messageStore,
  companies: companyStore,
  members: memberStore,
  outbox: outboxStore,
  limits: rateLimitStore,
  metrics,
  programEmail: PROGRAM_EMAIL,
};

// With an Idempotency-Key the thread's ids derive from it: a re-run meets the thread it already started.
export const handler = keyedHandler(route, async (event, caller, { ids }) => {
  const companyId = pathParam(event, 'companyId', Id);
  const thread = await startThread({ ...deps, ids }, caller, companyId, parseBody(StartThread, event));
  return created(thread, `/companies/${companyId}/threads/${thread.threadId}/messages`);
});
