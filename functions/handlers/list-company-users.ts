import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { ListQuery } from '../schemas/users.ts';
import { listCompanyUsers } from '../domain/users.ts';
import * as members from '../data/members.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('listCompanyUsers', async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(
    await listCompanyUsers(
      { members, companies },
      caller,
      pathParam(event, 'companyId', Id),
      query.cursor ?? null,
      query.limit,
    ),
  );
});
