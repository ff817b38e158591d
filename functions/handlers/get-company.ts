import { getCompany as route } from '../definitions/routes/companies.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import * as companies from '../domain/companies.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const company = await companies.get(deps, caller, pathParam(event, 'companyId', Id));
  return ok(company);
});
