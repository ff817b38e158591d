import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Refresh } from '../schemas/requests/auth.ts';
import { refresh } from '../domain/auth.ts';
import { systemClock } from '../domain/clock.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';

const deps = { clock: systemClock, auth: cognitoAuth };

export const handler = publicHandler(async (event) => ok(await refresh(deps, parseBody(Refresh, event).refreshToken)));
