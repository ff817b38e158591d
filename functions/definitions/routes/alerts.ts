/** Routes: Cargo security alerts and sanitized intelligence, and their acknowledgements. */
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const publishAlert = {
  id: 'publishAlert',
  method: 'POST',
  path: '/alerts',
  handler: 'publish-alert',
  auth: CBP_ROLES,
  summary:
    'Publish a cargo security alert (goes out at once) or submit sanitized intelligence (goes out once a second CBP person approves it)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  idempotency: 'key',
} as const satisfies Route;

export const alertReach = {
  id: 'alertReach',
  method: 'POST',
  path: '/alert-reach',
  handler: 'alert-reach',
  auth: CBP_ROLES,
  summary:
    'How many companies and users an audience reaches now, counted as the fan-out delivers (CBP, before it confirms a publication); publishes nothing',
  access: ['table:read'],
  // An audience of every participant reads each company's members, as its fan-out does.
  timeoutSeconds: 28,
  mutates: false,
  idempotency: { exempt: 'Counts an audience and changes nothing.' },
} as const satisfies Route;

export const approveAlert = {
  id: 'approveAlert',
  method: 'POST',
  path: '/alerts/{alertId}/approval',
  handler: 'approve-alert',
  auth: CBP_ROLES,
  summary:
    'Approve a sanitized intelligence bulletin written by another CBP person (two-person rule); it then goes out',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The bulletin is not awaiting approval, or was already approved (`not_awaiting_approval`, `already_published`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const listAlerts = {
  id: 'listAlerts',
  method: 'GET',
  path: '/alerts',
  handler: 'list-alerts',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary:
    "CBP: every alert, newest first. A company's users: its inbox, with the high-severity alerts it has not acknowledged",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const getAlert = {
  id: 'getAlert',
  method: 'GET',
  path: '/alerts/{alertId}',
  handler: 'get-alert',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: 'One alert with its body (CBP, or the users of a company it was sent to)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const acknowledgeAlert = {
  id: 'acknowledgeAlert',
  method: 'POST',
  path: '/alerts/{alertId}/acknowledgement',
  handler: 'acknowledge-alert',
  auth: COMPANY_ROLES,
  allowRemovedCompany: true,
  summary: 'Acknowledge an alert sent to your company (again changes nothing)',
  access: ['table:read', 'table:write'],
  mutates: true,
  idempotency: { exempt: 'Acknowledging an alert again changes nothing.' },
} as const satisfies Route;

export const listAcknowledgements = {
  id: 'listAcknowledgements',
  method: 'GET',
  path: '/alerts/{alertId}/acknowledgements',
  handler: 'list-acknowledgements',
  auth: CBP_ROLES,
  summary: 'Per company the alert reached: whether it acknowledged, and which users did (CBP)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const ALERTS_ROUTES = [
  publishAlert,
  alertReach,
  approveAlert,
  listAlerts,
  getAlert,
  acknowledgeAlert,
  listAcknowledgements,
] as const;
