/** The whole portal's audit trail, one UTC day at a time, optionally one action (CBP). */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, MorePages } from '../../components/data.tsx';
import { TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { portalToday, usePaged } from './shared.tsx';
import { AuditObject, ROLE_LABELS } from '../../components/audit-words.tsx';

export type AuditRecord = ResponseOf<'portalAudit'>['items'][number];

/** Actions the portal writes (enrolling a company, publishing an alert), named as the filter's examples. */
const ACTION_EXAMPLES = ['company.enrolled', 'alert.published'] as const;

/** Who acted: their name and role, and their organisation when it is not the record's company. */
const actorOf = (r: AuditRecord) => {
  const role = ROLE_LABELS[r.actorRole] ?? r.actorRole;
  const who = r.actorName ? `${r.actorName} (${role})` : role;
  return r.actorCompanyId !== r.companyId && r.actorCompanyName ? `${who}, ${r.actorCompanyName}` : who;
};

/** An audit page as a table; used here and on a company's record. */
export const AuditTable = ({
  items,
  caption,
  withCompany,
}: {
  items: readonly AuditRecord[];
  caption: string;
  withCompany: boolean;
}) => (
  <DataTable
    label={caption}
    caption={caption}
    className="cbp-wide"
    columns={[
      { header: 'When (UTC)', className: 'nowrap', cell: (r) => <DateText iso={r.at} withTime /> },
      { header: 'Action', cell: (r) => r.action },
      withCompany && {
        header: 'Company',
        cell: (r: AuditRecord) =>
          r.companyId === 'CBP' ? (
            'CBP'
          ) : (
            <Link to={`/cbp/companies/${r.companyId}`}>{r.companyName ?? 'A company'}</Link>
          ),
      },
      { header: 'About', cell: (r) => <AuditObject record={r} /> },
      { header: 'By', cell: (r) => actorOf(r) },
      { header: 'From', cell: (r) => r.sourceIp ?? '—' },
    ]}
    rows={items}
    rowKey={(r) => r.auditId}
  />
);

export const Audit = () => {
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? portalToday(me?.now);
  const action = params.get('action') ?? '';
  const [dayInput, setDayInput] = useState(day);
  const [actionInput, setActionInput] = useState(action);
  const trail = usePaged(
    (cursor) => api.call('portalAudit', { query: { day, action: action || undefined, cursor } }),
    [day, action],
  );

  return (
    <>
      <PageTitle lead="Every change and every sensitive read in the portal, newest first, one UTC day at a time. Records are never edited or deleted.">
        Audit trail
      </PageTitle>
      <form
        className="filters"
        role="search"
        aria-label="Audit trail filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          if (dayInput) next.set('day', dayInput);
          if (actionInput.trim()) next.set('action', actionInput.trim());
          setParams(next);
        }}
      >
        <TextField label="Day (UTC)" type="date" value={dayInput} onChange={(e) => setDayInput(e.target.value)} />
        <TextField
          label="Action"
          hint={`For example ${ACTION_EXAMPLES.join(' or ')}.`}
          value={actionInput}
          onChange={(e) => setActionInput(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
      </form>
      <Async state={trail.state} what="Loading the trail">
        {(items) =>
          items.length ? (
            <AuditTable
              items={items}
              caption={`Audit records for ${day}${action ? `, action ${action}` : ''}`}
              withCompany
            />
          ) : (
            <Empty>No audit records for this day{action ? ' and action' : ''}.</Empty>
          )
        }
      </Async>
      <MorePages list={trail} />
    </>
  );
};
