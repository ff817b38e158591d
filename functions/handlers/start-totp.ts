import { startTotp as route } from '../definitions/routes/auth.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { StartTotp } from '../schemas/requests/auth.ts';
import { startTotp } from '../domain/mfa.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';

export const handler = authedHandler(route, async (event, caller) =>
  ok(await startTotp({ auth: cognitoAuth }, caller, parseBody(StartTotp, event).accessToken)),
);
