import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { ChangePoc } from '../schemas/company.ts';
import { base } from '../domain/deps.ts';
import { changePoc } from '../domain/contacts.ts';
import * as companies from '../data/company-store.ts';
import * as members from '../data/members.ts';
import * as obligations from '../data/obligation-store.ts';
import * as contacts from '../data/contacts.ts';
import * as identities from '../data/cognito-users.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';

const deps = { ...base, companies, members, obligations, contacts, identities, outbox, mailer };

export const handler = authedHandler('changePoc', async (event, caller) =>
  ok(await changePoc(deps, caller, pathParam(event, 'companyId', Id), parseBody(ChangePoc, event))),
);
