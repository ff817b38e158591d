import { companiesCsv as route } from '../definitions/routes/companies.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { csvFile } from '../http/response.ts';
import { CompanyCsvQuery } from '../schemas/requests/companies.ts';
import { systemClock } from '../domain/clock.ts';
import { companiesCsv } from '../domain/compliance.ts';
import * as companyStore from '../data/company-store.ts';
import * as deadlineStore from '../data/deadline-store.ts';

const deps = { clock: systemClock, companies: companyStore, deadlines: deadlineStore };

export const handler = authedHandler(route, async (event, caller) => {
  const { filename, rows } = await companiesCsv(deps, caller, parseQuery(CompanyCsvQuery, event));
  return csvFile(filename, rows);
});
