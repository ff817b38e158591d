/**
 * Every enrolled company, searched by name, code or id, filtered by status, category and what falls
 * due before a date, in the order chosen; the filters live in the address, and the same list
 * downloads as a CSV file.
 */
import { Fragment, useState } from 'react';
import { PROGRAM_STATUSES, PROGRAM_STATUS_TERMS } from '../../../../functions/definitions/program-status.ts';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty, StatusBadge, MorePages } from '../../components/data.tsx';
import { SelectField, TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { CsvDownload } from '../../components/csv-download.tsx';
import { type CompanyFilters, type CompanySummary, companiesCsv, listCompanies } from './contract.ts';
import { Unreachable } from './unreachable.tsx';
import { CATEGORY_OPTIONS, categoryName, portalToday, usePaged } from './shared.tsx';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'removed', label: 'Removed' },
];

const SORT_OPTIONS = [
  { value: '', label: 'Category and status' },
  { value: 'legalName', label: 'Legal name, A to Z' },
  { value: '-legalName', label: 'Legal name, Z to A' },
  { value: 'dueOn', label: 'Next due, soonest first' },
  { value: '-dueOn', label: 'Next due, latest first' },
  { value: '-enrolledAt', label: 'Enrolled, newest first' },
  { value: 'enrolledAt', label: 'Enrolled, oldest first' },
];

const FILTER_KEYS = ['q', 'status', 'category', 'dueBefore', 'sort'] as const;

const COLUMNS: Columns<CompanySummary> = [
  {
    header: 'Legal name',
    rowHeader: true,
    cell: (c) => <Link to={`/cbp/companies/${c.companyId}`}>{c.legalName}</Link>,
  },
  { header: 'Code', className: 'nowrap', cell: (c) => c.sviCode ?? '—' },
  { header: 'Category', cell: (c) => categoryName(c.category) },
  { header: 'Status', cell: (c) => <StatusBadge status={c.programStatus} /> },
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
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const applied: CompanyFilters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]).filter(([, value]) => value),
  );
  const [form, setForm] = useState(
    () =>
      Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Record<
        (typeof FILTER_KEYS)[number],
        string
      >,
  );
  const list = usePaged(['listCompanies', params.toString()], (cursor) => listCompanies(api, { ...applied, cursor }));
  const filtered = Boolean(applied.q || applied.status || applied.category || applied.dueBefore);

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
        aria-label="Company search and filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          for (const [key, value] of Object.entries(form)) if (value.trim()) next.set(key, value.trim());
          setParams(next);
        }}
      >
        <TextField
          label="Search"
          hint="Part of the legal name, or a whole code or company id"
          type="search"
          value={form.q}
          maxLength={200}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
        />
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
        <SelectField
          label="Sort by"
          value={form.sort}
          onChange={(e) => setForm({ ...form, sort: e.target.value })}
          options={SORT_OPTIONS}
        />
        <button type="submit" className="usa-button">
          Search
        </button>
      </form>
      <CsvDownload
        label={filtered ? 'Download these companies (CSV)' : 'Download all companies (CSV)'}
        fileName={`ctpat-companies-${portalToday(me?.now)}.csv`}
        read={() => companiesCsv(api, applied)}
      />
      <Async state={list.state} what="Loading companies">
        {(items) =>
          items.length === 0 ? (
            // A due-date filter is applied as companies are read, a bounded number per request: an
            // empty page with more to read is not yet an answer.
            <Empty>
              {list.cursor
                ? 'No match among the companies read so far. Show more to keep looking.'
                : filtered
                  ? 'No company matches this search and these filters.'
                  : 'No company is enrolled yet.'}
            </Empty>
          ) : (
            <DataTable
              label="Companies"
              caption={filtered ? 'Companies matching the search and filters' : 'All companies'}
              className="cbp-wide"
              columns={COLUMNS}
              rows={items}
              rowKey={(c) => c.companyId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
      <details className="status-terms">
        <summary>What each status means</summary>
        <dl className="record">
          {PROGRAM_STATUSES.map((status) => (
            <Fragment key={status}>
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd>{PROGRAM_STATUS_TERMS[status].meaning}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </>
  );
};
