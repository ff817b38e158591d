/** The request and response schemas of the routes in functions/definitions/routes/contacts.ts, by route id. */
import { Id } from '../id.ts';
import { CompanyView } from '../company.ts';
import { ChangePoc, SetSecondaryContact } from '../requests/contacts.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { CONTACTS_ROUTES } from '../../definitions/routes/contacts.ts';

export const CONTACTS_SCHEMAS = {
  changePoc: {
    pathParams: { companyId: Id },
    body: ChangePoc,
    response: CompanyView,
    example: {
      version: 1,
      pocEmail: 'new.poc@acme-imports.example.com',
      pocName: 'Morgan Blake',
      reason: 'The registered POC left the company; the company asked by letter of 2006-06-12.',
    },
  },
  setSecondaryContact: {
    pathParams: { companyId: Id },
    body: SetSecondaryContact,
    response: CompanyView,
    example: { version: 1, name: 'Jordan Lee', email: 'compliance@acme-imports.example.com' },
  },
} as const satisfies RouteSchemaTable<typeof CONTACTS_ROUTES>;
