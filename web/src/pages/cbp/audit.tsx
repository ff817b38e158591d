/**
 * The whole portal's audit trail, one UTC day at a time, optionally one action and one company
 * (by part of its name, its code or its id), newest or oldest first, and as a CSV file (CBP).
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, MorePages } from '../../components/data.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { CsvDownload } from '../../components/csv-download.tsx';
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

const ORDER_OPTIONS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

export const Audit = () => {
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? portalToday(me?.now);
  const action = params.get('action') ?? '';
  const company = params.get('company') ?? '';
  const order = params.get('order') === 'oldest' ? 'oldest' : 'newest';
  const [form, setForm] = useState({ day, action, company, order });
  const filters = {
    day,
    action: action || undefined,
    company: company || undefined,
    order: order === 'oldest' ? ('oldest' as const) : undefined,
  };
  const trail = usePaged(['portalAudit', day, action, company, order], (cursor) =>
    api.call('portalAudit', { query: { ...filters, cursor } }),
  );
  const narrowed = [action && `action ${action}`, company && `company “${company}”`].filter(Boolean).join(', ');

  return (
    <>
      <PageTitle lead="Every change and every sensitive read in the portal, one UTC day at a time. Records are never edited or deleted.">
        Audit trail
      </PageTitle>
      <form
        className="filters"
        role="search"
        aria-label="Audit trail filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          if (form.day) next.set('day', form.day);
          if (form.action.trim()) next.set('action', form.action.trim());
          if (form.company.trim()) next.set('company', form.company.trim());
          if (form.order === 'oldest') next.set('order', 'oldest');
          setParams(next);
        }}
      >
        <TextField
          label="Day (UTC)"
          type="date"
          value={form.day}
          onChange={(e) => setForm({ ...form, day: e.target.value })}
        />
        <TextField
          label="Action"
          hint={`For example ${ACTION_EXAMPLES.join(' or ')}.`}
          value={form.action}
          onChange={(e) => setForm({ ...form, action: e.target.value })}
        />
        <TextField
          label="Company"
          hint="Part of the legal name, or a whole code or company id"
          type="search"
          maxLength={200}
          value={form.company}
          onChange={(e) => setForm({ ...form, company: e.target.value })}
        />
        <SelectField
          label="Order"
          value={form.order}
          onChange={(e) => setForm({ ...form, order: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
          options={ORDER_OPTIONS}
        />
        <button type="submit" className="usa-button">
          Apply filters
        </button>
      </form>
      <CsvDownload
        label={`Download the trail of ${day} (CSV)`}
        fileName={`ctpat-audit-${day}.csv`}
        read={() => api.call('portalAuditCsv', { query: filters, headers: { accept: 'text/csv' } })}
      />
      <Async state={trail.state} what="Loading the trail">
        {(items) =>
          items.length ? (
            <AuditTable
              items={items}
              caption={`Audit records for ${day}, ${order} first${narrowed ? `, ${narrowed}` : ''}`}
              withCompany
            />
          ) : (
            <Empty>No audit records for this day{narrowed ? ' and these filters' : ''}.</Empty>
          )
        }
      </Async>
      <MorePages list={trail} />
    </>
  );
};
