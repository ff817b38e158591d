import { listGrantRequests as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { GrantRequestQuery } from '../schemas/requests/sharing.ts';
import { listGrantRequests } from '../domain/grant-requests.ts';
import * as grantStore from '../data/grant-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { grants: grantStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(GrantRequestQuery, event);
  return ok(
    await listGrantRequests(
      deps,
      caller,
      pathParam(event, 'companyId', Id),
      query.direction,
      query.cursor ?? null,
      query.limit,
    ),
  );
});
