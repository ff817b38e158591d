import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { ListQuery } from '../schemas/users.ts';
import { listVersions } from '../domain/profiles.ts';
import * as profiles from '../data/profiles.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('listProfileVersions', async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(
    await listVersions(
      { profiles, companies },
      caller,
      pathParam(event, 'companyId', Id),
      query.cursor ?? null,
      query.limit,
    ),
  );
});
