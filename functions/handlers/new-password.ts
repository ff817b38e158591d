import { newPassword as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { NewPassword } from '../schemas/requests/auth.ts';
import { completeNewPassword } from '../domain/auth.ts';
import { systemClock } from '../domain/clock.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { clock: systemClock, auth: cognitoAuth, members: membershipStore };

export const handler = publicHandler(async (event) => {
  const input = parseBody(NewPassword, event);
  return ok(await completeNewPassword(deps, input.email, input.session, input.newPassword));
}, route);
