/** Routes: Enrollment deadlines and their extensions, removal, reinstatement and reapplication. */
import { Id } from '../../schemas/common.ts';
import { CompanyView } from '../../schemas/company.ts';
import {
  CategoryParam,
  DeadlinePolicy,
  DeadlinePolicyList,
  DecideReapplication,
  ExtendDeadline,
  Reapply,
  ReinstateCompany,
  RemoveCompany,
  ReviseDeadline,
} from '../../schemas/deadlines.ts';
import { ALL_ROLES, CBP_ROLES } from '../roles.ts';
import type { RouteDefinition } from './types.ts';

export const listDeadlines = {
  id: 'listDeadlines',
  method: 'GET',
  path: '/deadlines',
  handler: 'list-deadlines',
  auth: ALL_ROLES,
  summary: "Every enrollment category's portal-update deadline and reminder ladder in force",
  response: DeadlinePolicyList,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const reviseDeadline = {
  id: 'reviseDeadline',
  method: 'PUT',
  path: '/deadlines/{category}',
  handler: 'revise-deadline',
  auth: ['cbp-admin'],
  summary:
    "Revise a category's deadline or reminder ladder (CBP administrator; names the revision it replaces; takes effect at the next sweep)",
  pathParams: { category: CategoryParam },
  body: ReviseDeadline,
  response: DeadlinePolicy,
  access: ['table:read', 'table:write'],
  mutates: true,
  example: {
    revision: 0,
    deadline: '2006-08-01',
    newEnrolleeDays: 60,
    reminderDays: [30, 14, 7, 1],
    reason: 'CBP moved the importer deadline to August 1, 2006.',
  },
} as const satisfies RouteDefinition;

export const deadlineHistory = {
  id: 'deadlineHistory',
  method: 'GET',
  path: '/deadlines/{category}/history',
  handler: 'deadline-history',
  auth: CBP_ROLES,
  summary: "Every revision of a category's deadline policy, newest first: who, when, why (CBP)",
  pathParams: { category: CategoryParam },
  response: DeadlinePolicyList,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const extendDeadline = {
  id: 'extendDeadline',
  method: 'POST',
  path: '/companies/{companyId}/deadline-extension',
  handler: 'extend-deadline',
  auth: ['cbp-admin'],
  summary: 'Give one company a later portal-update deadline (CBP administrator, with the reason)',
  pathParams: { companyId: Id },
  body: ExtendDeadline,
  example: { deadline: '2006-09-15', reason: 'Facility damaged by a hurricane; records being rebuilt.' },
  response: CompanyView,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const removeCompany = {
  id: 'removeCompany',
  method: 'POST',
  path: '/companies/{companyId}/removal',
  handler: 'remove-company',
  auth: CBP_ROLES,
  summary:
    'Remove a company from the program (CBP; names the version it read); the POC and the program mailbox are told',
  pathParams: { companyId: Id },
  body: RemoveCompany,
  example: { version: 1, reason: 'Validation visit found the security program not implemented.' },
  response: CompanyView,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const reinstateCompany = {
  id: 'reinstateCompany',
  method: 'POST',
  path: '/companies/{companyId}/reinstatement',
  handler: 'reinstate-company',
  auth: ['cbp-admin'],
  summary: 'Reinstate a removed company (CBP administrator), with the reason and a new due date for what it had missed',
  pathParams: { companyId: Id },
  body: ReinstateCompany,
  example: { version: 2, reason: 'The update was filed on paper before the deadline.', deadline: '2006-09-01' },
  response: CompanyView,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const reapply = {
  id: 'reapply',
  method: 'POST',
  path: '/companies/{companyId}/reapplication',
  handler: 'reapply',
  auth: ['primary-poc'],
  allowRemovedCompany: true,
  summary: "A removed company's primary POC applies to rejoin the program",
  pathParams: { companyId: Id },
  body: Reapply,
  example: { statement: 'We have completed our security profile and named a new security manager.' },
  response: CompanyView,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const decideReapplication = {
  id: 'decideReapplication',
  method: 'POST',
  path: '/companies/{companyId}/reapplication/decision',
  handler: 'decide-reapplication',
  auth: CBP_ROLES,
  summary: 'Accept a reapplication with a new portal-update deadline, or decline it (CBP)',
  pathParams: { companyId: Id },
  body: DecideReapplication,
  example: { decision: 'accept', deadline: '2006-11-01', comments: 'Welcome back.' },
  response: CompanyView,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const DEADLINES_ROUTES = [
  listDeadlines,
  reviseDeadline,
  deadlineHistory,
  extendDeadline,
  removeCompany,
  reinstateCompany,
  reapply,
  decideReapplication,
] as const;
