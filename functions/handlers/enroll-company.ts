import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { created } from '../http/response.ts';
import { EnrollCompany } from '../schemas/company.ts';
import { base } from '../domain/deps.ts';
import * as companies from '../domain/companies.ts';
import * as companyData from '../data/companies.ts';

const deps = { ...base, companies: companyData };

export const handler = authedHandler('enrollCompany', async (event, caller) => {
  const input = parseBody(EnrollCompany, event);
  const company = await companies.enroll(deps, caller, input);
  return created(company, `/companies/${company.companyId}`);
});
