import { revokeGrant as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { noContent } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { revokeGrant } from '../domain/sharing.ts';
import * as grantStore from '../data/grant-store.ts';

const deps = { clock: systemClock, ids: uuidIds, grants: grantStore };

export const handler = authedHandler(route, async (event, caller) => {
  await revokeGrant(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'grantId', Id));
  return noContent();
});
