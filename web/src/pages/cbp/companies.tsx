/** Every enrolled company, filtered by status, category and what falls due before a date; the filters live in the address. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty, StatusBadge, MorePages } from '../../components/data.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { type CompanySummary, listCompanies } from './contract.ts';
import { Unreachable } from './unreachable.tsx';
import { CATEGORY_OPTIONS, categoryName, usePaged } from './shared.tsx';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'removed', label: 'Removed' },
];

const COLUMNS: Columns<CompanySummary> = [
  {
    header: 'Legal name',
    rowHeader: true,
    cell: (c) => <Link to={`/cbp/companies/${c.companyId}`}>{c.legalName}</Link>,
  },
  { header: 'Category', cell: (c) => categoryName(c.category) },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  {
    header: 'Point of contact',
    cell: (c) => (
      <>
        {c.pocEmail} <Unreachable mark={c.pocUnreachable} who="POC" />
        {c.secondaryUnreachable ? (
          <>
            {' '}
            <Unreachable mark={c.secondaryUnreachable} who="Secondary contact" />
          </>
        ) : null}
      </>
    ),
  },
  { header: 'Enrolled', className: 'nowrap', cell: (c) => <DateText iso={c.enrolledAt} /> },
  {
    header: 'Next due',
    cell: (c) =>
      c.dueOn ? (
        <>
          <DateText iso={c.dueOn} /> {c.dueKind === 'recertification' ? '(recertification)' : '(portal update)'}
        </>
      ) : (
        '—'
      ),
  },
];

export const Companies = () => {
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const category = params.get('category') ?? '';
  const dueBefore = params.get('dueBefore') ?? '';
  const [form, setForm] = useState({ status, category, dueBefore });
  const list = usePaged(
    (cursor) =>
      listCompanies(api, {
        status: status || undefined,
        category: category || undefined,
        dueBefore: dueBefore || undefined,
        cursor,
      }),
    [status, category, dueBefore],
  );
  const filtered = Boolean(status || category || dueBefore);

  return (
    <>
      <PageTitle
        lead={
          <>
            Every participant enrolled in C-TPAT. <Link to="/cbp/enroll">Enroll a company</Link>
          </>
        }
      >
        Companies
      </PageTitle>
      <form
        className="filters"
        role="search"
        aria-label="Company filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          for (const [key, value] of Object.entries(form)) if (value) next.set(key, value);
          setParams(next);
        }}
      >
        <SelectField
          label="Status"
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.target.value })}
          options={STATUS_OPTIONS}
        />
        <SelectField
          label="Category"
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
          options={[{ value: '', label: 'Any category' }, ...CATEGORY_OPTIONS]}
        />
        <TextField
          label="Due before"
          type="date"
          value={form.dueBefore}
          onChange={(e) => setForm({ ...form, dueBefore: e.target.value })}
        />
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
      </form>
      <Async state={list.state} what="Loading companies">
        {(items) =>
          items.length === 0 ? (
            // A due-date filter is applied as companies are read, a bounded number per request: an
            // empty page with more to read is not yet an answer.
            <Empty>
              {list.cursor
                ? 'No match among the companies read so far. Show more to keep looking.'
                : filtered
                  ? 'No company matches these filters.'
                  : 'No company is enrolled yet.'}
            </Empty>
          ) : (
            <DataTable
              label="Companies"
              caption={filtered ? 'Companies matching the filters' : 'All companies'}
              className="cbp-wide"
              columns={COLUMNS}
              rows={items}
              rowKey={(c) => c.companyId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
    </>
  );
};
