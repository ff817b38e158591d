import { removeCompanyUser as route } from '../definitions/routes/users.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { ifMatchVersion, pathParam } from '../http/request.ts';
import { noContent } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { removeCompanyUser } from '../domain/users.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = { clock: systemClock, ids: uuidIds, members: membershipStore, identities: cognitoUsers };

export const handler = authedHandler(route, async (event, caller) => {
  await removeCompanyUser(
    deps,
    caller,
    pathParam(event, 'companyId', Id),
    pathParam(event, 'userId', Id),
    ifMatchVersion(event),
  );
  return noContent();
});
