import { listGrants as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { systemClock } from '../domain/clock.ts';
import { listGrants } from '../domain/sharing.ts';
import * as grantStore from '../data/grant-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { clock: systemClock, grants: grantStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listGrants(deps, caller, pathParam(event, 'companyId', Id), query.cursor ?? null, query.limit));
});
