import { enrollCompany as route } from '../definitions/routes/companies.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { EnrollCompany } from '../schemas/requests/companies.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import * as companies from '../domain/companies.ts';
import { randomSviCodes } from '../domain/svi-codes.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { clock: systemClock, ids: uuidIds, codes: randomSviCodes, companies: companyStore };

export const handler = keyedHandler(route, async (event, caller) => {
  const input = parseBody(EnrollCompany, event);
  const company = await companies.enroll(deps, caller, input);
  return created(company, `/companies/${company.companyId}`);
});
