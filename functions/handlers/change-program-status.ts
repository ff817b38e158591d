import { changeProgramStatus as route } from '../definitions/routes/lifecycle.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ChangeProgramStatus } from '../schemas/requests/lifecycle.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { changeProgramStatus } from '../domain/program-status.ts';
import * as companyStore from '../data/company-store.ts';
import * as programStatusStore from '../data/program-status-store.ts';

const deps = { clock: systemClock, ids: uuidIds, companies: companyStore, programStatus: programStatusStore };

export const handler = keyedHandler(route, async (event, caller) =>
  ok(await changeProgramStatus(deps, caller, pathParam(event, 'companyId', Id), parseBody(ChangeProgramStatus, event))),
);
