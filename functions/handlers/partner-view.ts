import { partnerView as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { PartnerQuery } from '../schemas/requests/sharing.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { partnerView } from '../domain/partner-view.ts';
import * as grantStore from '../data/grant-store.ts';
import * as profileStore from '../data/profile-store.ts';
import * as auditStore from '../data/audit-store.ts';

const deps = { clock: systemClock, ids: uuidIds, grants: grantStore, profiles: profileStore, auditTrail: auditStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(PartnerQuery, event);
  return ok(await partnerView(deps, caller, pathParam(event, 'companyId', Id), query.scope));
});
