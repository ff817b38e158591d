import { logout as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { noContent } from '../http/response.ts';
import { Logout } from '../schemas/requests/auth.ts';
import { logout } from '../domain/auth.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';

const deps = { auth: cognitoAuth };

/** Sign-out: 204 whether or not the refresh token was one Cognito knew. */
export const handler = publicHandler(async (event) => {
  await logout(deps, parseBody(Logout, event).refreshToken);
  return noContent();
}, route);
