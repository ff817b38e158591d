/** Routes: the company's registered POC and its secondary contact. */
import type { Route } from './types.ts';

export const changePoc = {
  id: 'changePoc',
  method: 'POST',
  path: '/companies/{companyId}/poc-change',
  handler: 'change-poc',
  auth: ['cbp-admin'],
  summary:
    "Change the company's registered POC email, with the reason (CBP administrator; names the company version). Both addresses are told; an existing primary-POC account is disabled",
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
  errors: {
    409: "The company changed since you read it (`version_conflict`), or the new POC's email belongs to someone else (`email_taken`)",
  },
  idempotency: 'key',
} as const satisfies Route;

export const setSecondaryContact = {
  id: 'setSecondaryContact',
  method: 'PUT',
  path: '/companies/{companyId}/secondary-contact',
  handler: 'set-secondary-contact',
  auth: ['primary-poc'],
  summary:
    'Name or replace the secondary contact, who also receives deadline reminders and removal notices (primary POC; names the company version)',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The company changed since you read it (`version_conflict`)',
  },
} as const satisfies Route;

export const CONTACTS_ROUTES = [changePoc, setSecondaryContact] as const;
