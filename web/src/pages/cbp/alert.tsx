/** One alert as CBP sees it, with who acknowledged it among the companies it reached. */
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty, MorePages } from '../../components/data.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { SeverityText } from '../../components/severity.tsx';
import { useLoad } from '../../components/use-load.ts';
import type { ResponseOf } from '../../api/client.ts';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { alertKindName, categoryName, usePaged } from './shared.tsx';

type Reached = ResponseOf<'listAcknowledgements'>['items'][number] & { legalName: string };

const REACHED_COLUMNS: Columns<Reached> = [
  { header: 'Company', cell: (item) => <Link to={`/cbp/companies/${item.companyId}`}>{item.legalName}</Link> },
  {
    header: 'Acknowledged',
    cell: (item) => (item.acknowledgedAt ? <DateText iso={item.acknowledgedAt} withTime /> : 'Not yet'),
  },
  { header: 'By', cell: (item) => (item.users.length ? item.users.map((u) => u.name).join(', ') : '—') },
];

export const AlertDetail = () => {
  const { alertId = '' } = useParams();
  const { api } = useSession();
  const alert = useLoad(['getAlert', alertId], () => api.call('getAlert', { path: { alertId } }));
  const acks = usePaged(['listAcknowledgements', alertId], async (cursor) => {
    const page = await api.call('listAcknowledgements', { path: { alertId }, query: { cursor } });
    // The page names companies by id; their names make it readable.
    const names = await Promise.all(
      page.items.map((i) =>
        api
          .call('getCompany', { path: { companyId: i.companyId } })
          .then((c) => c.legalName)
          .catch(() => i.companyId),
      ),
    );
    return { ...page, items: page.items.map((item, n) => ({ ...item, legalName: names[n]! })) };
  });

  return (
    <Async state={alert} what="Loading the alert">
      {(a) => (
        <>
          <PageTitle lead={<Link to="/cbp/alerts">All alerts</Link>}>{a.title ?? 'Alert'}</PageTitle>
          <dl className="record">
            <dt>Kind</dt>
            <dd>{a.kind ? alertKindName(a.kind) : '—'}</dd>
            <dt>Severity</dt>
            <dd>
              <SeverityText severity={a.severity} />
            </dd>
            <dt>Status</dt>
            <dd>{a.status === 'awaiting-approval' ? "Awaiting a second officer's approval" : 'Published'}</dd>
            <dt>Audience</dt>
            <dd>
              {a.audience?.scope === 'all'
                ? 'Every active participant'
                : a.audience?.scope === 'categories'
                  ? a.audience.categories.map(categoryName).join('; ')
                  : a.audience?.scope === 'companies'
                    ? (a.companyNames ?? []).map((n) => n ?? 'a company no longer enrolled').join('; ') ||
                      `${a.audience.companyIds.length} named companies`
                    : '—'}
            </dd>
            <dt>Written</dt>
            <dd>
              <DateText iso={a.createdAt} withTime /> by {a.createdByName ?? 'a former CBP staff member'}
            </dd>
            <dt>Published</dt>
            <dd>
              {a.publishedAt ? (
                <>
                  <DateText iso={a.publishedAt} withTime />
                  {a.approvedBy ? `, approved by ${a.approvedByName ?? 'a former CBP staff member'}` : ''}
                </>
              ) : (
                'Not yet'
              )}
            </dd>
            <dt>Expires</dt>
            <dd>
              <DateText iso={a.expiresAt} />
            </dd>
            <dt>Reached</dt>
            <dd>
              {a.companies ?? 0} companies, {a.recipients ?? 0} users emailed
            </dd>
          </dl>
          <h2>Message</h2>
          <p className="message pre-wrap">{a.body}</p>
          <section className="cbp-section" aria-labelledby="acks">
            <h2 id="acks">Acknowledgements</h2>
            <Async
              state={{ data: acks.first, error: acks.state.error, reload: acks.state.reload }}
              what="Loading acknowledgements"
            >
              {(first) => (
                <>
                  <p className="figure">
                    {first.acknowledgedCompanies} of {first.companies}
                  </p>
                  <p>companies the alert was delivered to have acknowledged it.</p>
                  {first.companies > 0 ? (
                    <progress
                      className="progress"
                      max={first.companies}
                      value={first.acknowledgedCompanies}
                      aria-label="Companies that acknowledged"
                    >
                      {first.acknowledgedCompanies} of {first.companies}
                    </progress>
                  ) : null}
                  {acks.state.data && acks.state.data.length > 0 ? (
                    <DataTable
                      label="Companies reached"
                      caption="Companies reached"
                      columns={REACHED_COLUMNS}
                      rows={acks.state.data}
                      rowKey={(item) => item.companyId}
                    />
                  ) : (
                    <Empty>
                      {a.status === 'awaiting-approval'
                        ? 'Not delivered yet: it is waiting for approval.'
                        : 'No company has received it yet.'}
                    </Empty>
                  )}
                </>
              )}
            </Async>
            <MorePages list={acks} />
          </section>
        </>
      )}
    </Async>
  );
};
