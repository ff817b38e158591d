import { forgotPassword as route } from '../definitions/routes/auth.ts';
import { publicHandler } from '../http/public-handler.ts';
import { parseBody, sourceIp } from '../http/request.ts';
import { json } from '../http/response.ts';
import { atLeast } from '../http/timing.ts';
import { ForgotPassword } from '../schemas/requests/auth.ts';
import { forgotPassword } from '../domain/auth.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import * as cognitoAuth from '../data/cognito-auth.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';
import * as rateLimitStore from '../data/rate-limit-store.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  auth: cognitoAuth,
  members: membershipStore,
  identities: cognitoUsers,
  limits: rateLimitStore,
};
/** Every answer takes at least this long, whether the email has an account, a pending invitation or nothing. */
const ANSWER_AFTER_MS = 700;

export const handler = publicHandler(
  async (event) =>
    json(
      202,
      await atLeast(ANSWER_AFTER_MS, forgotPassword(deps, parseBody(ForgotPassword, event).email, sourceIp(event))),
    ),
  route,
);
