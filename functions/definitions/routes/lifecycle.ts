/** Routes: the program's lifecycle, a company's status from applicant to validated, and suspension (issue 22). */
import { CBP_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const changeProgramStatus = {
  id: 'changeProgramStatus',
  method: 'POST',
  path: '/companies/{companyId}/program-status',
  handler: 'change-program-status',
  auth: CBP_ROLES,
  summary:
    "Change a company's program status (CBP, with the reason; names the company version): certify an applicant, record a validation, suspend with an action plan, lift a suspension. The POC is told",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The change is not allowed from the current status (`transition_not_allowed`), the company is removed (`company_removed`), or it changed since you read it (`version_conflict`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const LIFECYCLE_ROUTES = [changeProgramStatus] as const;
