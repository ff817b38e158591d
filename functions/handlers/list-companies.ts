import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { CompanyListQuery } from '../schemas/compliance.ts';
import { base } from '../domain/deps.ts';
import { listCompanies } from '../domain/compliance.ts';
import * as companies from '../data/companies.ts';
import * as deadlines from '../data/deadlines.ts';

export const handler = authedHandler('listCompanies', async (event, caller) =>
  ok(await listCompanies({ ...base, companies, deadlines }, caller, parseQuery(CompanyListQuery, event))),
);
