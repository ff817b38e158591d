import { saveAccountInfo as route } from '../definitions/routes/profile.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { SaveAccountInfo } from '../schemas/requests/account-info.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { saveAccountInfo } from '../domain/profiles.ts';
import * as profileStore from '../data/profile-store.ts';

const deps = { clock: systemClock, ids: uuidIds, profiles: profileStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await saveAccountInfo(deps, caller, pathParam(event, 'companyId', Id), parseBody(SaveAccountInfo, event))),
);
