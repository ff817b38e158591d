import { publicHandler } from '../http/public-handler.ts';
import { parseBody, sourceIp } from '../http/request.ts';
import { json } from '../http/response.ts';
import { atLeast } from '../http/timing.ts';
import { ForgotPassword } from '../schemas/users.ts';
import { forgotPassword } from '../domain/auth.ts';
import { base } from '../domain/deps.ts';
import * as auth from '../data/cognito-auth.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as limits from '../data/rate-limits.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';

const deps = { ...base, auth, members, identities, limits, outbox, mailer };
/** Every answer takes at least this long, whether the email has an account, a pending invitation or nothing. */
const ANSWER_AFTER_MS = 700;

export const handler = publicHandler(async (event) =>
  json(
    202,
    await atLeast(ANSWER_AFTER_MS, forgotPassword(deps, parseBody(ForgotPassword, event).email, sourceIp(event))),
  ),
);
