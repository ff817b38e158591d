import { certify as route } from '../definitions/routes/profile.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { Certify } from '../schemas/requests/profile.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { certify } from '../domain/certifications.ts';
import * as profileStore from '../data/profile-store.ts';

const deps = { clock: systemClock, ids: uuidIds, profiles: profileStore };

export const handler = keyedHandler(route, async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const cert = await certify(deps, caller, companyId, parseBody(Certify, event));
  return created(cert, `/companies/${companyId}/certifications/${cert.certificationId}`);
});
