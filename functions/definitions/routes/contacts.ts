/** Routes: the company's registered POC and its secondary contact. */
import { Id } from '../../schemas/common.ts';
import { ChangePoc, CompanyView, SetSecondaryContact } from '../../schemas/company.ts';
import type { RouteDefinition } from './types.ts';

export const changePoc = {
  id: 'changePoc',
  method: 'POST',
  path: '/companies/{companyId}/poc-change',
  handler: 'change-poc',
  auth: ['cbp-admin'],
  summary:
    "Change the company's registered POC email, with the reason (CBP administrator; names the company version). Both addresses are told; an existing primary-POC account is disabled",
  pathParams: { companyId: Id },
  body: ChangePoc,
  response: CompanyView,
  example: {
    version: 1,
    pocEmail: 'new.poc@acme-imports.example.com',
    pocName: 'Morgan Blake',
    reason: 'The registered POC left the company; the company asked by letter of 2006-06-12.',
  },
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
} as const satisfies RouteDefinition;

export const setSecondaryContact = {
  id: 'setSecondaryContact',
  method: 'PUT',
  path: '/companies/{companyId}/secondary-contact',
  handler: 'set-secondary-contact',
  auth: ['primary-poc'],
  summary:
    'Name or replace the secondary contact, who also receives deadline reminders and removal notices (primary POC; names the company version)',
  pathParams: { companyId: Id },
  body: SetSecondaryContact,
  response: CompanyView,
  example: { version: 1, name: 'Jordan Lee', email: 'compliance@acme-imports.example.com' },
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const CONTACTS_ROUTES = [changePoc, setSecondaryContact] as const;
