import { publicHandler } from '../http/public-handler.ts';
import { parseBody, sourceIp } from '../http/request.ts';
import { json } from '../http/response.ts';
import { atLeast } from '../http/timing.ts';
import { AccountRequest } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { ACCOUNT_REQUEST_ANSWER, requestAccount } from '../domain/accounts.ts';
import * as companies from '../data/company-store.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as limits from '../data/rate-limits.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';

const deps = { ...base, companies, members, identities, limits, outbox, mailer };
/** Every answer takes at least this long, whether or not an account was created. */
const ANSWER_AFTER_MS = 700;

export const handler = publicHandler(async (event) => {
  const input = parseBody(AccountRequest, event);
  await atLeast(ANSWER_AFTER_MS, requestAccount(deps, input.email, sourceIp(event)));
  return json(202, ACCOUNT_REQUEST_ANSWER);
});
