import { complianceOverview as route } from '../definitions/routes/companies.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { OverviewQuery } from '../schemas/requests/companies.ts';
import { systemClock } from '../domain/clock.ts';
import { complianceOverview } from '../domain/compliance.ts';
import * as companyStore from '../data/company-store.ts';
import * as deadlineStore from '../data/deadline-store.ts';

const deps = { clock: systemClock, companies: companyStore, deadlines: deadlineStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await complianceOverview(deps, caller, parseQuery(OverviewQuery, event))),
);
