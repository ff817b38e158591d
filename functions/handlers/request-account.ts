import { publicHandler } from '../http/public-handler.ts';
import { parseBody, sourceIp } from '../http/request.ts';
import { json } from '../http/response.ts';
import { atLeast } from '../http/timing.ts';
import { AccountRequest } from '../schemas/requests/auth.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { ACCOUNT_REQUEST_ANSWER, requestAccount } from '../domain/accounts.ts';
import * as companyStore from '../data/company-store.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  members: membershipStore,
  identities: cognitoUsers,
  limits: rateLimitStore,
};
/** Every answer takes at least this long, whether or not an account was created. */
const ANSWER_AFTER_MS = 700;

export const handler = publicHandler(async (event) => {
  const input = parseBody(AccountRequest, event);
  await atLeast(ANSWER_AFTER_MS, requestAccount(deps, input.email, sourceIp(event)));
  return json(202, ACCOUNT_REQUEST_ANSWER);
});
