import { listProfileVersions as route } from '../definitions/routes/profile.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { listVersions } from '../domain/profiles.ts';
import * as profileStore from '../data/profile-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { profiles: profileStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listVersions(deps, caller, pathParam(event, 'companyId', Id), query.cursor ?? null, query.limit));
});
