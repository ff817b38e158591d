import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, LoadError, TableWrap, MorePages } from '../../components/data.tsx';
import { ErrorSummary } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useAction, useMe, usePaged } from './shared.tsx';

type AlertSummary = ResponseOf<'listAlerts'>['items'][number];

export const KIND_LABELS: Record<string, string> = {
  'cargo-security-alert': 'Cargo security alert',
  'sanitized-intelligence': 'Sanitized intelligence',
};
const severityText = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const AlertTable = ({ items, caption }: { items: readonly AlertSummary[]; caption: string }) => (
  <TableWrap label={caption}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Severity</th>
          <th scope="col">Published</th>
          <th scope="col">Acknowledged</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.alertId}>
            <td>
              <Link to={`/alerts/${a.alertId}`}>{a.title}</Link>
            </td>
            <td>{KIND_LABELS[a.kind] ?? a.kind}</td>
            <td>
              <span className={`severity severity--${a.severity}`}>{severityText(a.severity)}</span>
            </td>
            <td>
              <DateText iso={a.publishedAt} />
            </td>
            <td>{a.acknowledgedAt ? <DateText iso={a.acknowledgedAt} /> : 'Not yet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableWrap>
);

/** The company's inbox of cargo security alerts and sanitized intelligence from CBP. */
export const Alerts = () => {
  const { api } = useSession();
  const list = usePaged((cursor) => api.call('listAlerts', { query: { cursor, limit: 25 } }), []);
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
              <div className="alert alert--warning">
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
              </div>
            ) : null}
            {list.items.length === 0 ? (
              <Empty>No alerts have been sent to your company.</Empty>
            ) : (
              <AlertTable items={list.items} caption="Alerts, newest first" />
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
  const state = useLoad(() => api.call('getAlert', { path: { alertId } }), [alertId]);
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
              <dd>{severityText(alert.severity ?? '')}</dd>
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
                <button type="button" className="button button--primary" disabled={action.busy} onClick={acknowledge}>
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
