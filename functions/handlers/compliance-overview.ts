import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { OverviewQuery } from '../schemas/compliance.ts';
import { base } from '../domain/deps.ts';
import { complianceOverview } from '../domain/compliance.ts';
import * as companies from '../data/companies.ts';
import * as deadlineStore from '../data/deadline-store.ts';

export const handler = authedHandler('complianceOverview', async (event, caller) =>
  ok(
    await complianceOverview(
      { ...base, companies, deadlines: deadlineStore },
      caller,
      parseQuery(OverviewQuery, event),
    ),
  ),
);
