import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { json } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { base } from '../domain/deps.ts';
import { resendInvitation } from '../domain/invitations.ts';
import * as members from '../data/members.ts';
import * as identities from '../data/cognito-users.ts';
import * as limits from '../data/rate-limits.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';
import * as metrics from '../clients/metrics.ts';

const deps = { ...base, members, identities, limits, outbox, mailer, metrics };

export const handler = authedHandler('resendInvitation', async (event, caller) =>
  json(202, await resendInvitation(deps, caller, pathParam(event, 'companyId', Id), pathParam(event, 'userId', Id))),
);
