import { decideAppeal as route } from '../definitions/routes/lifecycle.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { DecideAppeal } from '../schemas/requests/lifecycle.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { decideAppeal } from '../domain/appeals.ts';
import * as companyStore from '../data/company-store.ts';
import * as programStatusStore from '../data/program-status-store.ts';
import * as standingStore from '../data/standing-store.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  programStatus: programStatusStore,
  standing: standingStore,
  programEmail: PROGRAM_EMAIL,
};

export const handler = keyedHandler(route, async (event, caller) =>
  ok(await decideAppeal(deps, caller, pathParam(event, 'companyId', Id), parseBody(DecideAppeal, event))),
);
