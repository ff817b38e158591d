import { listValidations as route } from '../definitions/routes/lifecycle.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';

import { systemClock, uuidIds } from '../domain/clock.ts';
import { list } from '../domain/validations.ts';
import * as companyStore from '../data/company-store.ts';
import * as validationStore from '../data/validation-store.ts';

const deps = { clock: systemClock, ids: uuidIds, companies: companyStore, validations: validationStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await list(deps, caller, pathParam(event, 'companyId', Id))),
);
