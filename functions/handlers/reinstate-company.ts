import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { ReinstateCompany } from '../schemas/deadlines.ts';
import { standingDeps } from '../domain/standing-deps.ts';
import * as standing from '../domain/standing.ts';

export const handler = authedHandler('reinstateCompany', async (event, caller) =>
  ok(
    await standing.reinstate(
      standingDeps,
      caller,
      pathParam(event, 'companyId', Id),
      parseBody(ReinstateCompany, event),
    ),
  ),
);
