import { scheduleValidation as route } from '../definitions/routes/lifecycle.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ScheduleValidation } from '../schemas/requests/lifecycle.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { schedule } from '../domain/validations.ts';
import * as companyStore from '../data/company-store.ts';
import * as validationStore from '../data/validation-store.ts';

const deps = { clock: systemClock, ids: uuidIds, companies: companyStore, validations: validationStore };

export const handler = keyedHandler(route, async (event, caller) => {
  const validation = await schedule(
    deps,
    caller,
    pathParam(event, 'companyId', Id),
    parseBody(ScheduleValidation, event),
  );
  return created(validation, `/companies/${validation.companyId}/validations`);
});
