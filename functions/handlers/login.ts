import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Login } from '../schemas/auth.ts';
import { login } from '../domain/auth.ts';
import { systemClock } from '../domain/deps.ts';

export const handler = publicHandler(async (event) => {
  const input = parseBody(Login, event);
  return ok(await login(input.email, input.password, systemClock.now()));
});
