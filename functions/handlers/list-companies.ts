import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { CompanyListQuery } from '../schemas/compliance.ts';
import { base } from '../domain/deps.ts';
import { listCompanies } from '../domain/compliance.ts';
import * as companies from '../data/companies.ts';
import * as deadlineStore from '../data/deadline-store.ts';

export const handler = authedHandler('listCompanies', async (event, caller) =>
  ok(
    await listCompanies({ ...base, companies, deadlines: deadlineStore }, caller, parseQuery(CompanyListQuery, event)),
  ),
);
