import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { AddUser } from '../schemas/users.ts';
import { base } from '../domain/deps.ts';
import { addCompanyUser } from '../domain/users.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';
import * as limits from '../data/rate-limits.ts';
import * as metrics from '../clients/metrics.ts';

const deps = { ...base, members, identities, outbox, mailer, limits, metrics };

export const handler = authedHandler('addCompanyUser', async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const user = await addCompanyUser(deps, caller, companyId, parseBody(AddUser, event));
  return created(user, `/companies/${companyId}/users/${user.userId}`);
});
