import { publicHandler } from '../http/public-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Refresh } from '../schemas/users.ts';
import { refresh } from '../domain/auth.ts';
import { systemClock } from '../domain/deps.ts';
import * as auth from '../data/cognito-auth.ts';

const deps = { clock: systemClock, auth };

export const handler = publicHandler(async (event) => ok(await refresh(deps, parseBody(Refresh, event).refreshToken)));
