import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { PartnerQuery } from '../schemas/sharing.ts';
import { base } from '../domain/deps.ts';
import { partnerView } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';
import * as profiles from '../data/profile-store.ts';
import * as auditTrail from '../data/audit-store.ts';

export const handler = authedHandler('partnerView', async (event, caller) => {
  const query = parseQuery(PartnerQuery, event);
  return ok(
    await partnerView(
      { ...base, grants, profiles, auditTrail },
      caller,
      pathParam(event, 'companyId', Id),
      query.scope,
    ),
  );
});
