import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { ListQuery } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { listGrants } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('listGrants', async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(
    await listGrants(
      { ...base, grants, companies },
      caller,
      pathParam(event, 'companyId', Id),
      query.cursor ?? null,
      query.limit,
    ),
  );
});
