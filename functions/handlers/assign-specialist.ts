import { assignSpecialist as route } from '../definitions/routes/lifecycle.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { AssignSpecialist } from '../schemas/requests/lifecycle.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { assignSpecialist } from '../domain/specialists.ts';
import * as companyStore from '../data/company-store.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as specialistStore from '../data/specialist-store.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  members: membershipStore,
  specialists: specialistStore,
};

export const handler = authedHandler(route, async (event, caller) =>
  ok(await assignSpecialist(deps, caller, pathParam(event, 'companyId', Id), parseBody(AssignSpecialist, event))),
);
