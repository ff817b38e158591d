import { decideGrantRequest as route } from '../definitions/routes/sharing.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { DecideGrantRequest } from '../schemas/requests/sharing.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { decideGrantRequest } from '../domain/grant-requests.ts';
import * as grantStore from '../data/grant-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { clock: systemClock, ids: uuidIds, grants: grantStore, companies: companyStore };

export const handler = keyedHandler(route, async (event, caller) =>
  ok(
    await decideGrantRequest(
      deps,
      caller,
      pathParam(event, 'companyId', Id),
      pathParam(event, 'requestId', Id),
      parseBody(DecideGrantRequest, event),
    ),
  ),
);
