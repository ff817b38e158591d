import { login as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Login } from '../schemas/requests/auth.ts';
import { login } from '../domain/auth.ts';
import { systemClock } from '../domain/clock.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { clock: systemClock, auth: cognitoAuth, members: membershipStore };

export const handler = publicHandler(async (event) => {
  const input = parseBody(Login, event);
  return ok(await login(deps, input.email, input.password));
}, route);
