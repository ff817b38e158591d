/** Routes: Enrollment deadlines and their extensions, removal, reinstatement and reapplication. */
import { ALL_ROLES, CBP_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const listDeadlines = {
  id: 'listDeadlines',
  method: 'GET',
  path: '/deadlines',
  handler: 'list-deadlines',
  auth: ALL_ROLES,
  summary: "Every enrollment category's portal-update deadline and reminder ladder in force",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const reviseDeadline = {
  id: 'reviseDeadline',
  method: 'PUT',
  path: '/deadlines/{category}',
  handler: 'revise-deadline',
  auth: ['cbp-admin'],
  summary:
    "Revise a category's deadline or reminder ladder (CBP administrator; names the revision it replaces; takes effect at the next sweep)",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: "The policy changed since the revision you read (`version_conflict`), or the revision moves a due date earlier or removes companies within 30 days and must be proposed for a second administrator's approval (`second_approval_required`)",
  },
} as const satisfies Route;

export const proposeDeadline = {
  id: 'proposeDeadline',
  method: 'POST',
  path: '/deadlines/{category}/proposal',
  handler: 'propose-deadline',
  auth: ['cbp-admin'],
  summary:
    "Propose a revision of a category's deadline policy for another CBP administrator's approval (two-person rule), with its impact",
  access: ['table:read', 'table:write'],
  mutates: true,
  successStatus: 201,
  errors: {
    409: 'The policy changed since the revision you read (`version_conflict`), or a proposal for this category already waits (`proposal_pending`)',
  },
  idempotency: { exempt: 'A repeat finds its proposal waiting and is refused (409 `proposal_pending`).' },
} as const satisfies Route;

export const listDeadlineProposals = {
  id: 'listDeadlineProposals',
  method: 'GET',
  path: '/deadline-proposals',
  handler: 'list-deadline-proposals',
  auth: CBP_ROLES,
  summary: 'Every deadline revision awaiting a second administrator, with its impact when proposed (CBP)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const decideDeadlineProposal = {
  id: 'decideDeadlineProposal',
  method: 'POST',
  path: '/deadlines/{category}/proposal/decision',
  handler: 'decide-deadline-proposal',
  auth: ['cbp-admin'],
  summary:
    'Approve a deadline revision another CBP administrator proposed (it is in force from the next sweep), or withdraw one (either administrator); names the proposal read',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    404: 'No revision of this category awaits approval',
    409: 'The proposal, or the policy it revises, changed since you read it (`proposal_changed`)',
  },
  idempotency: { exempt: 'A repeat finds no proposal (404): it is never decided twice.' },
} as const satisfies Route;

export const deadlineImpact = {
  id: 'deadlineImpact',
  method: 'POST',
  path: '/deadlines/{category}/impact',
  handler: 'deadline-impact',
  auth: ['cbp-admin'],
  summary:
    "Preview a revision of a category's deadline policy before saving it (CBP administrator; read-only): which companies the sweep would remind or remove, and when",
  access: ['table:read'],
  mutates: false,
  idempotency: { exempt: 'A preview reads and changes nothing.' },
} as const satisfies Route;

export const deadlineHistory = {
  id: 'deadlineHistory',
  method: 'GET',
  path: '/deadlines/{category}/history',
  handler: 'deadline-history',
  auth: CBP_ROLES,
  summary: "Every revision of a category's deadline policy, newest first: who, when, why (CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const extendDeadline = {
  id: 'extendDeadline',
  method: 'POST',
  path: '/companies/{companyId}/deadline-extension',
  handler: 'extend-deadline',
  auth: ['cbp-admin'],
  summary: 'Give one company a later portal-update deadline (CBP administrator, with the reason)',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The company has no open deadline (`no_open_deadline`), or changed since you read it',
  },
  idempotency: 'key',
} as const satisfies Route;

export const removeCompany = {
  id: 'removeCompany',
  method: 'POST',
  path: '/companies/{companyId}/removal',
  handler: 'remove-company',
  auth: CBP_ROLES,
  summary:
    'Remove a company from the program (CBP; names the version it read); the POC and the program mailbox are told',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The company is already removed (`already_removed`), or changed since you read it (`version_conflict`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const reinstateCompany = {
  id: 'reinstateCompany',
  method: 'POST',
  path: '/companies/{companyId}/reinstatement',
  handler: 'reinstate-company',
  auth: ['cbp-admin'],
  summary: 'Reinstate a removed company (CBP administrator), with the reason and a new due date for what it had missed',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'Only a removed company is reinstated (`not_removed`), or it changed since you read it',
  },
  idempotency: 'key',
} as const satisfies Route;

export const reapply = {
  id: 'reapply',
  method: 'POST',
  path: '/companies/{companyId}/reapplication',
  handler: 'reapply',
  auth: ['primary-poc'],
  allowRemovedCompany: true,
  summary: "A removed company's primary POC applies to rejoin the program",
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The company is not removed (`not_removed`), or a reapplication already waits (`reapplication_pending`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const decideReapplication = {
  id: 'decideReapplication',
  method: 'POST',
  path: '/companies/{companyId}/reapplication/decision',
  handler: 'decide-reapplication',
  auth: CBP_ROLES,
  summary: 'Accept a reapplication with a new portal-update deadline, or decline it (CBP)',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'No reapplication waits for a decision (`no_pending_reapplication`), or the company changed meanwhile',
  },
  idempotency: 'key',
} as const satisfies Route;

export const DEADLINES_ROUTES = [
  listDeadlines,
  reviseDeadline,
  deadlineImpact,
  proposeDeadline,
  listDeadlineProposals,
  decideDeadlineProposal,
  deadlineHistory,
  extendDeadline,
  removeCompany,
  reinstateCompany,
  reapply,
  decideReapplication,
] as const;
