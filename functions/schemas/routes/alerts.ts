/** The request and response schemas of the routes in functions/definitions/routes/alerts.ts, by route id. */
import { Acknowledged, AcknowledgementPage, Alert, AlertPage, AlertReach } from '../alerts.ts';
import { AlertReachQuery, PublishAlert } from '../requests/alerts.ts';
import { Id } from '../id.ts';
import { ListQuery } from '../list-query.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { ALERTS_ROUTES } from '../../definitions/routes/alerts.ts';

export const ALERTS_SCHEMAS = {
  publishAlert: {
    body: PublishAlert,
    response: Alert,
    example: {
      kind: 'cargo-security-alert',
      title: 'Seal tampering reported at Gulf ports',
      body: 'Verify bolt seals on every inbound container and report anomalies.',
      severity: 'high',
      audience: { scope: 'categories', categories: ['importer', 'sea-carrier'] },
    },
  },
  alertReach: {
    body: AlertReachQuery,
    response: AlertReach,
    example: { audience: { scope: 'categories', categories: ['importer', 'sea-carrier'] } },
  },
  approveAlert: {
    pathParams: { alertId: Id },
    response: Alert,
  },
  listAlerts: {
    query: ListQuery,
    response: AlertPage,
  },
  getAlert: {
    pathParams: { alertId: Id },
    response: Alert.partial(),
  },
  acknowledgeAlert: {
    pathParams: { alertId: Id },
    response: Acknowledged,
  },
  listAcknowledgements: {
    pathParams: { alertId: Id },
    query: ListQuery,
    response: AcknowledgementPage,
  },
} as const satisfies RouteSchemaTable<typeof ALERTS_ROUTES>;
