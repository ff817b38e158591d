import { getMe as route } from '../definitions/routes/auth.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { ok } from '../http/response.ts';
import { me } from '../domain/identity.ts';
import { systemClock } from '../domain/clock.ts';

const deps = { clock: systemClock };

export const handler = authedHandler(route, async (_event, caller) => ok(me(deps, caller)));
