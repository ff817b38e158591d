/** Routes: the program's lifecycle, a company's status from applicant to validated, and suspension (issue 22). */
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
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

export const assignSpecialist = {
  id: 'assignSpecialist',
  method: 'PUT',
  path: '/companies/{companyId}/specialist',
  handler: 'assign-specialist',
  auth: ['cbp-admin'],
  summary:
    "Assign or reassign the company's Supply Chain Security Specialist, an active CBP staff member (CBP administrator; names the company version)",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The officer is already its specialist (`already_assigned`), or the company changed since you read it (`version_conflict`)',
  },
} as const satisfies Route;

export const getWorklist = {
  id: 'getWorklist',
  method: 'GET',
  path: '/worklist',
  handler: 'get-worklist',
  auth: CBP_ROLES,
  summary:
    "A specialist's worklist (CBP; the caller's own, or the named specialist's): their companies with the status, the next date due and what each needs now, overdue first",
  access: ['table:read'],
  mutates: false,
  errors: { 404: 'The named specialist is no CBP staff member' },
} as const satisfies Route;

export const fileAppeal = {
  id: 'fileAppeal',
  method: 'POST',
  path: '/companies/{companyId}/appeal',
  handler: 'file-appeal',
  auth: ['primary-poc'],
  summary:
    "A suspended company's primary POC appeals the suspension, with a statement, within the appeal window; CBP's program mailbox is told",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The company is not suspended (`not_suspended`), has appealed already (`appeal_filed`), the window has closed (`appeal_window_closed`), or it changed meanwhile (`version_conflict`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const decideAppeal = {
  id: 'decideAppeal',
  method: 'POST',
  path: '/companies/{companyId}/appeal/decision',
  handler: 'decide-appeal',
  auth: ['cbp-admin'],
  summary:
    "Grant a suspended company's appeal, which lifts the suspension, or deny it, which removes the company (CBP administrator, with comments; names the company version)",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'No appeal waits for a decision (`no_pending_appeal`, `not_suspended`), or the company changed since you read it (`version_conflict`)',
  },
  idempotency: 'key',
} as const satisfies Route;

const VALIDATION_409 =
  'The validation is not at that step (`date_not_awaited`, `not_reportable`, `action_not_open`, `action_not_answered`), the company is removed (`company_removed`), or the validation changed since you read it (`version_conflict`)';

export const scheduleValidation = {
  id: 'scheduleValidation',
  method: 'POST',
  path: '/companies/{companyId}/validations',
  handler: 'schedule-validation',
  auth: CBP_ROLES,
  summary: "Propose a validation's date and sites (CBP); the company confirms the date or proposes another",
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: { 409: 'A validation is under way (`validation_open`), or the company is removed (`company_removed`)' },
  idempotency: 'key',
} as const satisfies Route;

export const listValidations = {
  id: 'listValidations',
  method: 'GET',
  path: '/companies/{companyId}/validations',
  handler: 'list-validations',
  auth: ALL_ROLES,
  summary: "The company's validations with their required actions, newest first (the company and CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const agreeValidationDate = {
  id: 'agreeValidationDate',
  method: 'POST',
  path: '/companies/{companyId}/validations/{validationId}/date',
  handler: 'agree-validation-date',
  auth: ['primary-poc', 'cbp-admin', 'cbp-officer'],
  summary:
    'The side the date waits for (the primary POC, or CBP) confirms it or proposes another; names the validation version',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: { 404: 'No such validation', 409: VALIDATION_409 },
  idempotency: 'key',
} as const satisfies Route;

export const reportValidation = {
  id: 'reportValidation',
  method: 'POST',
  path: '/companies/{companyId}/validations/{validationId}/report',
  handler: 'report-validation',
  auth: CBP_ROLES,
  summary:
    "Record a validation's report (CBP): its summary and each required action, tied to a Security Profile question, with its due date",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: { 404: 'No such validation', 409: VALIDATION_409 },
  idempotency: 'key',
} as const satisfies Route;

export const answerAction = {
  id: 'answerAction',
  method: 'POST',
  path: '/companies/{companyId}/validations/{validationId}/actions/{actionId}/answer',
  handler: 'answer-action',
  auth: COMPANY_ROLES,
  summary:
    'Answer a required action (the primary POC, or a user allowed to edit the profile); names the validation version',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: { 404: 'No such validation or action', 409: VALIDATION_409 },
  idempotency: 'key',
} as const satisfies Route;

export const reviewAction = {
  id: 'reviewAction',
  method: 'POST',
  path: '/companies/{companyId}/validations/{validationId}/actions/{actionId}/review',
  handler: 'review-action',
  auth: CBP_ROLES,
  summary:
    "Accept a required action's answer or return it with comments (CBP); the last acceptance closes the validation and a certified company becomes validated",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: { 404: 'No such validation or action', 409: VALIDATION_409 },
  idempotency: 'key',
} as const satisfies Route;

export const LIFECYCLE_ROUTES = [
  changeProgramStatus,
  assignSpecialist,
  getWorklist,
  fileAppeal,
  decideAppeal,
  scheduleValidation,
  listValidations,
  agreeValidationDate,
  reportValidation,
  answerAction,
  reviewAction,
] as const;
