import { extendDeadline as route } from '../definitions/routes/deadlines.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ExtendDeadline } from '../schemas/requests/deadlines.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { extendDeadline } from '../domain/standing.ts';
import * as companyStore from '../data/company-store.ts';
import * as standingStore from '../data/standing-store.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  standing: standingStore,
  programEmail: PROGRAM_EMAIL,
};

export const handler = keyedHandler(route, async (event, caller) =>
  ok(await extendDeadline(deps, caller, pathParam(event, 'companyId', Id), parseBody(ExtendDeadline, event))),
);
