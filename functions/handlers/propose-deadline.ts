import { proposeDeadline as route } from '../definitions/routes/deadlines.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { CategoryParam, ReviseDeadline } from '../schemas/requests/deadlines.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import * as proposals from '../domain/deadline-proposals.ts';
import * as deadlineStore from '../data/deadline-store.ts';
import * as obligationStore from '../data/obligation-store.ts';

const deps = { clock: systemClock, ids: uuidIds, deadlines: deadlineStore, obligations: obligationStore };

export const handler = authedHandler(route, async (event, caller) =>
  created(
    await proposals.propose(
      deps,
      caller,
      pathParam(event, 'category', CategoryParam),
      parseBody(ReviseDeadline, event),
    ),
  ),
);
