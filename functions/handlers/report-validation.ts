import { reportValidation as route } from '../definitions/routes/lifecycle.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ValidationReport } from '../schemas/requests/lifecycle.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { report } from '../domain/validations.ts';
import * as companyStore from '../data/company-store.ts';
import * as validationStore from '../data/validation-store.ts';

const deps = { clock: systemClock, ids: uuidIds, companies: companyStore, validations: validationStore };

export const handler = keyedHandler(route, async (event, caller) =>
  ok(
    await report(
      deps,
      caller,
      pathParam(event, 'companyId', Id),
      pathParam(event, 'validationId', Id),
      parseBody(ValidationReport, event),
    ),
  ),
);
