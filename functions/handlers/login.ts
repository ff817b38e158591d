import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Login } from '../schemas/auth.ts';
import { login } from '../domain/auth.ts';
import { systemClock } from '../domain/deps.ts';
import * as auth from '../data/cognito-auth.ts';
import * as members from '../data/members.ts';

const deps = { clock: systemClock, auth, members };

export const handler = publicHandler(async (event) => {
  const input = parseBody(Login, event);
  return ok(await login(deps, input.email, input.password));
});
