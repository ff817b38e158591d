import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { ConfirmTotp } from '../schemas/auth.ts';
import { base } from '../domain/deps.ts';
import { confirmTotp } from '../domain/mfa.ts';
import * as auth from '../data/cognito-auth.ts';
import * as members from '../data/members.ts';

export const handler = authedHandler('confirmTotp', async (event, caller) => {
  const input = parseBody(ConfirmTotp, event);
  return ok(await confirmTotp({ ...base, auth, members }, caller, input.accessToken, input.code));
});
