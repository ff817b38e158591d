/** The request and response schemas of the routes in functions/definitions/routes/lifecycle.ts, by route id. */
import { Id } from '../id.ts';
import { CompanyView } from '../company.ts';
import {
  AssignSpecialist,
  ChangeProgramStatus,
  DecideAppeal,
  FileAppeal,
  WorklistQuery,
} from '../requests/lifecycle.ts';
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
} as const satisfies RouteSchemaTable<typeof LIFECYCLE_ROUTES>;
