/** The request and response schemas of the routes in functions/definitions/routes/deadlines.ts, by route id. */
import { Id } from '../id.ts';
import { CompanyView } from '../company.ts';
import {
  DeadlinePolicy,
  DeadlinePolicyList,
  DeadlineProposal,
  DeadlineProposalDecision,
  DeadlineProposalList,
} from '../deadlines.ts';
import { DeadlineImpact } from '../deadline-impact.ts';
import {
  CategoryParam,
  DeadlineImpactRequest,
  DecideDeadlineProposal,
  DecideReapplication,
  ExtendDeadline,
  Reapply,
  ReinstateCompany,
  RemoveCompany,
  ReviseDeadline,
} from '../requests/deadlines.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { DEADLINES_ROUTES } from '../../definitions/routes/deadlines.ts';

export const DEADLINES_SCHEMAS = {
  listDeadlines: {
    response: DeadlinePolicyList,
  },
  reviseDeadline: {
    pathParams: { category: CategoryParam },
    body: ReviseDeadline,
    response: DeadlinePolicy,
    example: {
      revision: 0,
      deadline: '2006-08-01',
      newEnrolleeDays: 60,
      reminderDays: [30, 14, 7, 1],
      reason: 'CBP moved the importer deadline to August 1, 2006.',
    },
  },
  deadlineImpact: {
    pathParams: { category: CategoryParam },
    body: DeadlineImpactRequest,
    response: DeadlineImpact,
    example: { deadline: '2006-07-15', newEnrolleeDays: 60, reminderDays: [30, 14, 7, 1] },
  },
  proposeDeadline: {
    pathParams: { category: CategoryParam },
    body: ReviseDeadline,
    response: DeadlineProposal,
    example: {
      revision: 0,
      deadline: '2006-06-15',
      newEnrolleeDays: 30,
      reminderDays: [14, 7, 1],
      reason: 'Brought forward after the spring inspections.',
    },
  },
  listDeadlineProposals: {
    response: DeadlineProposalList,
  },
  decideDeadlineProposal: {
    pathParams: { category: CategoryParam },
    body: DecideDeadlineProposal,
    response: DeadlineProposalDecision,
    example: { decision: 'approve', proposedAt: '2006-05-02T14:00:00.000Z' },
  },
  deadlineHistory: {
    pathParams: { category: CategoryParam },
    response: DeadlinePolicyList,
  },
  extendDeadline: {
    pathParams: { companyId: Id },
    body: ExtendDeadline,
    example: { deadline: '2006-09-15', reason: 'Facility damaged by a hurricane; records being rebuilt.' },
    response: CompanyView,
  },
  removeCompany: {
    pathParams: { companyId: Id },
    body: RemoveCompany,
    example: { version: 1, reason: 'Validation visit found the security program not implemented.' },
    response: CompanyView,
  },
  reinstateCompany: {
    pathParams: { companyId: Id },
    body: ReinstateCompany,
    example: { version: 2, reason: 'The update was filed on paper before the deadline.', deadline: '2006-09-01' },
    response: CompanyView,
  },
  reapply: {
    pathParams: { companyId: Id },
    body: Reapply,
    example: { statement: 'We have completed our security profile and named a new security manager.' },
    response: CompanyView,
  },
  decideReapplication: {
    pathParams: { companyId: Id },
    body: DecideReapplication,
    example: { decision: 'accept', deadline: '2006-11-01', comments: 'Welcome back.' },
    response: CompanyView,
  },
} as const satisfies RouteSchemaTable<typeof DEADLINES_ROUTES>;
