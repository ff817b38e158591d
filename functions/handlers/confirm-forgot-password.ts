import { confirmForgotPassword as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { ConfirmForgotPassword } from '../schemas/requests/auth.ts';
import { confirmForgotPassword } from '../domain/auth.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { auth: cognitoAuth, members: membershipStore };

export const handler = publicHandler(async (event) => {
  const input = parseBody(ConfirmForgotPassword, event);
  return ok(await confirmForgotPassword(deps, input.email, input.code, input.newPassword));
}, route);
