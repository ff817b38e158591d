import { reauthenticate as route } from '../definitions/routes/auth.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Reauthenticate } from '../schemas/requests/auth.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { reauthenticate } from '../domain/reauthentication.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';

const deps = { clock: systemClock, ids: uuidIds, auth: cognitoAuth, members: membershipStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await reauthenticate(deps, caller, parseBody(Reauthenticate, event))),
);
