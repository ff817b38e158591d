import { changePoc as route } from '../definitions/routes/contacts.ts';
import { keyedHandler } from '../http/keyed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ChangePoc } from '../schemas/requests/contacts.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { changePoc } from '../domain/contacts.ts';
import * as companyStore from '../data/company-store.ts';
import * as membershipStore from '../data/membership-store.ts';
import * as obligationStore from '../data/obligation-store.ts';
import * as contactStore from '../data/contact-store.ts';
import * as cognitoUsers from '../data/cognito-users.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  companies: companyStore,
  members: membershipStore,
  obligations: obligationStore,
  contacts: contactStore,
  identities: cognitoUsers,
};

export const handler = keyedHandler(route, async (event, caller) =>
  ok(await changePoc(deps, caller, pathParam(event, 'companyId', Id), parseBody(ChangePoc, event))),
);
