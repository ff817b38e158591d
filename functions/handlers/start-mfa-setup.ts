import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { StartMfaSetup } from '../schemas/requests/auth.ts';
import { startMfaSetup } from '../domain/auth.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';

const deps = { auth: cognitoAuth };

export const handler = publicHandler(async (event) => {
  const input = parseBody(StartMfaSetup, event);
  return ok(await startMfaSetup(deps, input.email, input.session));
});
