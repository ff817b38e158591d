import { setSecondaryContact as route } from '../definitions/routes/contacts.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { SetSecondaryContact } from '../schemas/requests/contacts.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { setSecondaryContact } from '../domain/contacts.ts';
import * as companyStore from '../data/company-store.ts';
import * as obligationStore from '../data/obligation-store.ts';
import * as contactStore from '../data/contact-store.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  obligations: obligationStore,
  contacts: contactStore,
};

export const handler = authedHandler(route, async (event, caller) =>
  ok(await setSecondaryContact(deps, caller, pathParam(event, 'companyId', Id), parseBody(SetSecondaryContact, event))),
);
