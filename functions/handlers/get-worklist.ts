import { getWorklist as route } from '../definitions/routes/lifecycle.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { WorklistQuery } from '../schemas/requests/lifecycle.ts';
import { systemClock } from '../domain/clock.ts';
import { worklist } from '../domain/specialists.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as specialistStore from '../data/specialist-store.ts';
import * as deadlineStore from '../data/deadline-store.ts';
import * as validationStore from '../data/validation-store.ts';

const deps = {
  clock: systemClock,
  members: membershipStore,
  specialists: specialistStore,
  deadlines: deadlineStore,
  validations: validationStore,
};

export const handler = authedHandler(route, async (event, caller) =>
  ok(await worklist(deps, caller, parseQuery(WorklistQuery, event))),
);
