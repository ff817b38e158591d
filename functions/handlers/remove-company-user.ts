import { authedHandler } from '../http/authed-handler.ts';
import { ifMatchVersion, pathParam } from '../http/request.ts';
import { noContent } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { base } from '../domain/deps.ts';
import { removeCompanyUser } from '../domain/users.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';

const deps = { ...base, members, identities };

export const handler = authedHandler('removeCompanyUser', async (event, caller) => {
  await removeCompanyUser(
    deps,
    caller,
    pathParam(event, 'companyId', Id),
    pathParam(event, 'userId', Id),
    ifMatchVersion(event),
  );
  return noContent();
});
