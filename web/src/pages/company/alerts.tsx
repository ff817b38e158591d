import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, LoadError, MorePages } from '../../components/data.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { SeverityText } from '../../components/severity.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useAction, useMe, usePaged } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

type AlertSummary = ResponseOf<'listAlerts'>['items'][number];

export const KIND_LABELS: Record<string, string> = {
  'cargo-security-alert': 'Cargo security alert',
  'sanitized-intelligence': 'Sanitized intelligence',
};

const ALERT_COLUMNS: Columns<AlertSummary> = [
  { header: 'Title', cell: (a) => <Link to={`/alerts/${a.alertId}`}>{a.title}</Link> },
  { header: 'Kind', cell: (a) => KIND_LABELS[a.kind] ?? a.kind },
  {
    header: 'Severity',
    cell: (a) => <SeverityText severity={a.severity} />,
  },
  { header: 'Published', cell: (a) => <DateText iso={a.publishedAt} /> },
  { header: 'Acknowledged', cell: (a) => (a.acknowledgedAt ? <DateText iso={a.acknowledgedAt} /> : 'Not yet') },
];

/** The company's inbox of cargo security alerts and sanitized intelligence from CBP. */
export const Alerts = () => {
  const { api } = useSession();
  const list = usePaged(['listAlerts', 25], (cursor) => api.call('listAlerts', { query: { cursor, limit: 25 } }));
  const pending = list.page.data?.pendingAcknowledgement ?? [];
  return (
    <>
      <PageTitle lead="Cargo security alerts and sanitized intelligence CBP sent to your company. Open an alert to read it and acknowledge it.">
        Alerts
      </PageTitle>
      <Async state={list.page} what="Loading alerts">
        {() => (
          <>
            {pending.length > 0 ? (
              <Alert type="warning">
                <p>
                  <strong>
                    {pending.length} high-severity {pending.length === 1 ? 'alert awaits' : 'alerts await'} your
                    company's acknowledgement.
                  </strong>
                </p>
                <ul>
                  {pending.map((a) => (
                    <li key={a.alertId}>
                      <Link to={`/alerts/${a.alertId}`}>{a.title}</Link>
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {list.items.length === 0 ? (
              <Empty>No alerts have been sent to your company.</Empty>
            ) : (
              <DataTable
                label="Alerts, newest first"
                caption="Alerts, newest first"
                columns={ALERT_COLUMNS}
                rows={list.items}
                rowKey={(a) => a.alertId}
              />
            )}
            <MorePages list={list} />
          </>
        )}
      </Async>
    </>
  );
};

/** The company's inbox entry carries its acknowledgement beside the alert's own fields. */
const acknowledgedOn = (alert: object): string | undefined => {
  const at = (alert as { acknowledgedAt?: unknown }).acknowledgedAt;
  return typeof at === 'string' ? at : undefined;
};

/** One alert, with the acknowledgement CBP sees. */
export const AlertDetail = () => {
  const { alertId = '' } = useParams();
  const me = useMe();
  const { api } = useSession();
  const state = useLoad(['getAlert', alertId], () => api.call('getAlert', { path: { alertId } }));
  const action = useAction();
  const [acknowledgedNow, setAcknowledgedNow] = useState<string>();
  const acknowledge = () =>
    action.run(async () => {
      setAcknowledgedNow((await api.call('acknowledgeAlert', { path: { alertId } })).at);
    });
  if (state.error) {
    return (
      <>
        <PageTitle>Alert</PageTitle>
        <LoadError error={state.error} retry={state.error.status === 404 ? undefined : state.reload} />
        <p>
          <Link to="/alerts">Back to alerts</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <Async state={state} what="Loading the alert">
        {(alert) => (
          <>
            <PageTitle lead={KIND_LABELS[alert.kind ?? ''] ?? 'Alert'}>{alert.title ?? 'Alert'}</PageTitle>
            <dl className="record">
              <dt>Severity</dt>
              <dd>
                <SeverityText severity={alert.severity} />
              </dd>
              <dt>Published</dt>
              <dd>
                <DateText iso={alert.publishedAt} withTime />
              </dd>
              {alert.expiresAt ? (
                <>
                  <dt>Expires</dt>
                  <dd>
                    <DateText iso={alert.expiresAt} />
                  </dd>
                </>
              ) : null}
            </dl>
            <div className="alert-body">{alert.body}</div>
            <h2>Acknowledgement</h2>
            {(acknowledgedOn(alert) ?? acknowledgedNow) ? (
              <p role="status">
                Acknowledged on <DateText iso={acknowledgedOn(alert) ?? acknowledgedNow} withTime />.
              </p>
            ) : (
              <>
                <p>Acknowledge the alert to tell CBP that {me.company.legalName} has read it.</p>
                <ErrorSummary error={action.error} />
                <button type="button" className="usa-button" disabled={action.busy} onClick={acknowledge}>
                  Acknowledge
                </button>
              </>
            )}
          </>
        )}
      </Async>
      <p>
        <Link to="/alerts">Back to alerts</Link>
      </p>
    </>
  );
};
