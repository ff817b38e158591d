import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { DecideGrantRequest } from '../schemas/sharing.ts';
import { base } from '../domain/deps.ts';
import { decideGrantRequest } from '../domain/sharing.ts';
import * as grants from '../data/grants.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('decideGrantRequest', async (event, caller) =>
  ok(
    await decideGrantRequest(
      { ...base, grants, companies },
      caller,
      pathParam(event, 'companyId', Id),
      pathParam(event, 'requestId', Id),
      parseBody(DecideGrantRequest, event),
    ),
  ),
);
