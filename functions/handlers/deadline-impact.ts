import { deadlineImpact as route } from '../definitions/routes/deadlines.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { CategoryParam, DeadlineImpactRequest } from '../schemas/requests/deadlines.ts';
import { systemClock } from '../domain/clock.ts';
import { previewRevision } from '../domain/deadline-impact.ts';
import * as deadlineStore from '../data/deadline-store.ts';
import * as obligationStore from '../data/obligation-store.ts';

const deps = { clock: systemClock, deadlines: deadlineStore, obligations: obligationStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(
    await previewRevision(
      deps,
      caller,
      pathParam(event, 'category', CategoryParam),
      parseBody(DeadlineImpactRequest, event),
    ),
  ),
);
