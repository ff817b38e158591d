import { finishMfaSetup as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody, sourceIp } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { FinishMfaSetup } from '../schemas/requests/auth.ts';
import { finishMfaSetup } from '../domain/auth.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { clock: systemClock, ids: uuidIds, auth: cognitoAuth, members: membershipStore };

export const handler = publicHandler(async (event) => {
  const input = parseBody(FinishMfaSetup, event);
  return ok(await finishMfaSetup(deps, input.email, input.session, input.code, sourceIp(event)));
}, route);
