/** Routes: Cargo security alerts and sanitized intelligence, and their acknowledgements. */
import { Acknowledged, AcknowledgementPage, Alert, AlertPage, PublishAlert } from '../../schemas/alerts.ts';
import { Id } from '../../schemas/common.ts';
import { ListQuery } from '../../schemas/users.ts';
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { RouteDefinition } from './types.ts';

export const publishAlert = {
  id: 'publishAlert',
  method: 'POST',
  path: '/alerts',
  handler: 'publish-alert',
  auth: CBP_ROLES,
  summary:
    'Publish a cargo security alert (goes out at once) or submit sanitized intelligence (goes out once a second CBP person approves it)',
  body: PublishAlert,
  response: Alert,
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  example: {
    kind: 'cargo-security-alert',
    title: 'Seal tampering reported at Gulf ports',
    body: 'Verify bolt seals on every inbound container and report anomalies.',
    severity: 'high',
    audience: { scope: 'categories', categories: ['importer', 'sea-carrier'] },
  },
} as const satisfies RouteDefinition;

export const approveAlert = {
  id: 'approveAlert',
  method: 'POST',
  path: '/alerts/{alertId}/approval',
  handler: 'approve-alert',
  auth: CBP_ROLES,
  summary:
    'Approve a sanitized intelligence bulletin written by another CBP person (two-person rule); it then goes out',
  pathParams: { alertId: Id },
  response: Alert,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const listAlerts = {
  id: 'listAlerts',
  method: 'GET',
  path: '/alerts',
  handler: 'list-alerts',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary:
    "CBP: every alert, newest first. A company's users: its inbox, with the high-severity alerts it has not acknowledged",
  query: ListQuery,
  response: AlertPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const getAlert = {
  id: 'getAlert',
  method: 'GET',
  path: '/alerts/{alertId}',
  handler: 'get-alert',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: 'One alert with its body (CBP, or the users of a company it was sent to)',
  pathParams: { alertId: Id },
  response: Alert.partial(),
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const acknowledgeAlert = {
  id: 'acknowledgeAlert',
  method: 'POST',
  path: '/alerts/{alertId}/acknowledgement',
  handler: 'acknowledge-alert',
  auth: COMPANY_ROLES,
  allowRemovedCompany: true,
  summary: 'Acknowledge an alert sent to your company (again changes nothing)',
  pathParams: { alertId: Id },
  response: Acknowledged,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const listAcknowledgements = {
  id: 'listAcknowledgements',
  method: 'GET',
  path: '/alerts/{alertId}/acknowledgements',
  handler: 'list-acknowledgements',
  auth: CBP_ROLES,
  summary: 'Per company the alert reached: whether it acknowledged, and which users did (CBP)',
  pathParams: { alertId: Id },
  query: ListQuery,
  response: AcknowledgementPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const ALERTS_ROUTES = [
  publishAlert,
  approveAlert,
  listAlerts,
  getAlert,
  acknowledgeAlert,
  listAcknowledgements,
] as const;
