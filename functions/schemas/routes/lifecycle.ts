/** The request and response schemas of the routes in functions/definitions/routes/lifecycle.ts, by route id. */
import { Id } from '../id.ts';
import { CompanyView } from '../company.ts';
import {
  ActionId,
  AnswerAction,
  AssignSpecialist,
  ChangeProgramStatus,
  DecideAppeal,
  FileAppeal,
  ReviewAction,
  ScheduleValidation,
  ValidationDate,
  ValidationReport,
  WorklistQuery,
} from '../requests/lifecycle.ts';
import { Validation, ValidationList } from '../validations.ts';
import { Worklist } from '../specialists.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { LIFECYCLE_ROUTES } from '../../definitions/routes/lifecycle.ts';

export const LIFECYCLE_SCHEMAS = {
  changeProgramStatus: {
    pathParams: { companyId: Id },
    body: ChangeProgramStatus,
    response: CompanyView,
    example: {
      version: 3,
      to: 'suspended',
      reason: 'The validation found seals not verified at the Laredo loading dock.',
      actionPlan: 'Adopt the seal verification procedure (VVTT) at every loading dock and send the training records.',
    },
  },
  assignSpecialist: {
    pathParams: { companyId: Id },
    body: AssignSpecialist,
    response: CompanyView,
    example: {
      version: 4,
      userId: '5d1f0c3a-8a4e-4f3b-9c61-2b7a9e0d4c11',
      reason: 'Caseload rebalanced across the Houston field office.',
    },
  },
  getWorklist: {
    query: WorklistQuery,
    response: Worklist,
  },
  fileAppeal: {
    pathParams: { companyId: Id },
    body: FileAppeal,
    response: CompanyView,
    example: {
      statement:
        'Seal verification was adopted at every dock on June 3; the training records of all 14 dock staff are attached to our message of June 5.',
    },
  },
  decideAppeal: {
    pathParams: { companyId: Id },
    body: DecideAppeal,
    response: CompanyView,
    example: { version: 5, decision: 'grant', comments: 'Training records verified; seal checks observed on June 10.' },
  },
  scheduleValidation: {
    pathParams: { companyId: Id },
    body: ScheduleValidation,
    response: Validation,
    example: { scheduledFor: '2006-09-12', sites: ['Dundalk warehouse, Baltimore MD', 'Headquarters, Baltimore MD'] },
  },
  listValidations: {
    pathParams: { companyId: Id },
    response: ValidationList,
  },
  agreeValidationDate: {
    pathParams: { companyId: Id, validationId: Id },
    body: ValidationDate,
    response: Validation,
    example: { version: 1, decision: 'propose', date: '2006-09-19' },
  },
  reportValidation: {
    pathParams: { companyId: Id, validationId: Id },
    body: ValidationReport,
    response: Validation,
    example: {
      version: 2,
      summary: 'Visited the Dundalk warehouse; seals and access control reviewed.',
      actions: [
        {
          criterion: 'container-trailer-security.seal-control',
          finding: 'Seals were not verified (VVTT) at the loading dock.',
          dueOn: '2006-10-15',
        },
      ],
    },
  },
  answerAction: {
    pathParams: { companyId: Id, validationId: Id, actionId: ActionId },
    body: AnswerAction,
    response: Validation,
    example: {
      version: 3,
      text: 'VVTT adopted at every dock on September 20; the training log is attached to our message.',
    },
  },
  reviewAction: {
    pathParams: { companyId: Id, validationId: Id, actionId: ActionId },
    body: ReviewAction,
    response: Validation,
    example: { version: 4, decision: 'return', comments: 'Please send the training log itself.' },
  },
} as const satisfies RouteSchemaTable<typeof LIFECYCLE_ROUTES>;
