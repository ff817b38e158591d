import { listCompanyUsers as route } from '../definitions/routes/users.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { listCompanyUsers } from '../domain/users.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { members: membershipStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listCompanyUsers(deps, caller, pathParam(event, 'companyId', Id), query.cursor ?? null, query.limit));
});
