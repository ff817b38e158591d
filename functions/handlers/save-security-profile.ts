import { saveSecurityProfile as route } from '../definitions/routes/profile.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { SaveProfile } from '../schemas/requests/profile.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { saveProfile } from '../domain/profiles.ts';
import * as profileStore from '../data/profile-store.ts';

const deps = { clock: systemClock, ids: uuidIds, profiles: profileStore };
/** The largest profile (every answer at its maximum length) fits; anything bigger is refused before parsing. */
const MAX_PROFILE_BYTES = 300 * 1024;

export const handler = authedHandler(route, async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const saved = await saveProfile(deps, caller, companyId, parseBody(SaveProfile, event, MAX_PROFILE_BYTES));
  return created(saved, `/companies/${companyId}/security-profile/versions/${saved.version}`);
});
