import { authedHandler } from '../http/authed-handler.ts';
import { ok } from '../http/response.ts';
import { me } from '../domain/identity.ts';
import { base } from '../domain/deps.ts';

export const handler = authedHandler('getMe', async (_event, caller) => ok(me(base, caller)));
