import { reviewCertification as route } from '../definitions/routes/profile.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { Review } from '../schemas/requests/profile.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { review } from '../domain/certifications.ts';
import * as profileStore from '../data/profile-store.ts';

const deps = { clock: systemClock, ids: uuidIds, profiles: profileStore };

export const handler = keyedHandler(route, async (event, caller) =>
  ok(
    await review(
      deps,
      caller,
      pathParam(event, 'companyId', Id),
      pathParam(event, 'certificationId', Id),
      parseBody(Review, event),
    ),
  ),
);
