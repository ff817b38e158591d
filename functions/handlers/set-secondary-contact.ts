import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { SetSecondaryContact } from '../schemas/company.ts';
import { base } from '../domain/deps.ts';
import { setSecondaryContact } from '../domain/contacts.ts';
import * as companies from '../data/company-store.ts';
import * as obligations from '../data/obligation-store.ts';
import * as contacts from '../data/contacts.ts';

const deps = { ...base, companies, obligations, contacts };

export const handler = authedHandler('setSecondaryContact', async (event, caller) =>
  ok(await setSecondaryContact(deps, caller, pathParam(event, 'companyId', Id), parseBody(SetSecondaryContact, event))),
);
