/**
 * The programme at a glance: companies by status and category, and deadlines and removals per
 * month. Each chart is one image with a summary for screen readers, and the same figures follow
 * it as a table (the chart never carries information the table does not).
 */
import { useSession } from '../../api/session.tsx';
import { Async, DateText, Empty } from '../../components/data.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { complianceOverview, type ComplianceOverview } from './contract.ts';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { categoryName } from './shared.tsx';

/** Colours with at least 3:1 contrast on white, told apart by the legend's words and the order of the bars too. */
const STATUS_COLOURS: Record<string, string> = { active: '#005ea2', removed: '#b50909' };
const FALLBACK = ['#1a4480', '#936f38', '#00702b', '#54278f'];
const statusLabel = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const colourOf = (s: string, i: number) => STATUS_COLOURS[s] ?? FALLBACK[i % FALLBACK.length]!;

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = (m: string) => monthFormat.format(new Date(`${m}-01T00:00:00Z`));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const Legend = ({ items }: { items: { label: string; colour: string }[] }) => (
  <ul className="chart__legend" aria-hidden="true">
    {items.map((i) => (
      <li key={i.label}>
        <svg className="chart__swatch" viewBox="0 0 16 16" focusable="false">
          <rect width="16" height="16" fill={i.colour} />
        </svg>
        {i.label}
      </li>
    ))}
  </ul>
);

export const ByCategory = ({ data }: { data: ComplianceOverview['byStatusAndCategory'] }) => {
  const statuses = [...new Set(data.map((d) => d.status))].sort((a, b) =>
    a === 'active' ? -1 : b === 'active' ? 1 : a.localeCompare(b),
  );
  const all = [...new Set(data.map((d) => d.category))].sort((a, b) => categoryName(a).localeCompare(categoryName(b)));
  // Categories without a company are left out (all of them shown only when every one is empty).
  const withCompanies = all.filter((c) => data.some((d) => d.category === c && d.count > 0));
  const categories = withCompanies.length ? withCompanies : all;
  const count = (category: string, status: string) =>
    data.filter((d) => d.category === category && d.status === status).reduce((n, d) => n + d.count, 0);
  const totals = statuses.map((s) => ({ status: s, n: categories.reduce((sum, c) => sum + count(c, s), 0) }));
  const max = Math.max(1, ...categories.flatMap((c) => statuses.map((s) => count(c, s))));
  if (categories.length === 0) return <Empty>No company is enrolled yet.</Empty>;

  // Each category's name sits above its bars, so the chart keeps one width on a phone and a desktop.
  const width = 480;
  const barArea = width - 50;
  const bar = 18;
  const rowHeight = 22 + statuses.length * bar + 12;
  const height = categories.length * rowHeight + 4;
  const summary = `Bar chart of companies by category and status: ${totals.map((t) => `${t.n} ${t.status}`).join(', ')}, in ${plural(categories.length, 'category', 'categories')}. The table below gives every figure.`;

  return (
    <figure className="chart">
      <Legend items={statuses.map((s, i) => ({ label: statusLabel(s), colour: colourOf(s, i) }))} />
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width * 1.25}
        height={height * 1.25}
        className="chart__plot"
      >
        {categories.map((c, row) => {
          const y = row * rowHeight;
          const name = categoryName(c);
          return (
            <g key={c}>
              <text x={6} y={y + 16}>
                {name.length > 62 ? `${name.slice(0, 60)}…` : name}
              </text>
              {statuses.map((s, i) => {
                const n = count(c, s);
                const w = (n / max) * barArea;
                return (
                  <g key={s}>
                    <rect
                      x={1}
                      y={y + 22 + i * bar}
                      width={Math.max(w, n ? 2 : 0)}
                      height={bar - 4}
                      fill={colourOf(s, i)}
                    />
                    <text x={w + 6} y={y + 22 + i * bar + 12}>
                      {n}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={0.5} x2={0.5} y1={0} y2={height} stroke="#1b1b1b" />
      </svg>
      <figcaption className="usa-sr-only">Companies by category and status</figcaption>
      <DataTable
        label="Companies by category and status, as a table"
        caption={`Companies by category and status${withCompanies.length && withCompanies.length < all.length ? ' (categories with no company left out)' : ''}`}
        columns={[
          { header: 'Category', rowHeader: true, cell: (c) => categoryName(c), footer: 'All categories' },
          ...totals.map((t) => ({
            header: statusLabel(t.status),
            numeric: true,
            cell: (c: string) => count(c, t.status),
            footer: t.n,
          })),
          {
            header: 'Total',
            numeric: true,
            cell: (c) => statuses.reduce((n, s) => n + count(c, s), 0),
            footer: totals.reduce((n, t) => n + t.n, 0),
          },
        ]}
        rows={categories}
        rowKey={(c) => c}
      />
    </figure>
  );
};

const SERIES = [
  { key: 'deadlines', label: 'Deadlines', colour: '#005ea2' },
  { key: 'removals', label: 'Removals', colour: '#b50909' },
] as const;

const MONTH_COLUMNS: Columns<ComplianceOverview['months'][number]> = [
  { header: 'Month', rowHeader: true, cell: (m) => monthName(m.month) },
  { header: 'Deadlines', numeric: true, cell: (m) => m.deadlines },
  { header: 'Removals', numeric: true, cell: (m) => m.removals },
];

export const ByMonth = ({ months }: { months: ComplianceOverview['months'] }) => {
  if (months.length === 0) return <Empty>No deadlines or removals to show.</Empty>;
  const max = Math.max(1, ...months.flatMap((m) => [m.deadlines, m.removals]));
  const plot = 200;
  const slot = 46;
  const bar = 17;
  const left = 10;
  const width = Math.max(240, left + months.length * slot + 10);
  const total = (k: 'deadlines' | 'removals') => months.reduce((n, m) => n + m[k], 0);
  const summary = `Bar chart of deadlines and removals per month, ${monthName(months[0]!.month)} to ${monthName(months[months.length - 1]!.month)}: ${plural(total('deadlines'), 'deadline')} and ${plural(total('removals'), 'removal')} in all. The table below gives every month.`;
  return (
    <figure className="chart">
      <Legend items={SERIES.map((s) => ({ label: s.label, colour: s.colour }))} />
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${plot + 50}`}
        width={width * 1.25}
        height={(plot + 50) * 1.25}
        className="chart__plot"
      >
        {months.map((m, i) => {
          const x = left + i * slot + 6;
          return (
            <g key={m.month}>
              {SERIES.map((s, j) => {
                const n = m[s.key];
                const h = (n / max) * (plot - 20);
                return (
                  <g key={s.key}>
                    <rect
                      x={x + j * (bar + 2)}
                      y={plot - h}
                      width={bar}
                      height={Math.max(h, n ? 2 : 0)}
                      fill={s.colour}
                    />
                    <text x={x + j * (bar + 2) + bar / 2} y={plot - h - 4} textAnchor="middle">
                      {n}
                    </text>
                  </g>
                );
              })}
              <text x={x + bar} y={plot + 18} textAnchor="middle">
                {monthName(m.month).split(' ')[0]}
              </text>
              <text x={x + bar} y={plot + 34} textAnchor="middle">
                {m.month.slice(0, 4)}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - 10} y1={plot} y2={plot} stroke="#1b1b1b" />
      </svg>
      <figcaption className="usa-sr-only">Deadlines and removals per month</figcaption>
      <DataTable
        label="Deadlines and removals per month, as a table"
        caption="Deadlines and removals per month"
        columns={MONTH_COLUMNS}
        rows={months}
        rowKey={(m) => m.month}
      />
    </figure>
  );
};

export const Overview = () => {
  const { api } = useSession();
  const overview = useLoad(['complianceOverview'], () => complianceOverview(api));
  return (
    <>
      <PageTitle lead="Where the program's participants stand, and what falls due or was lost month by month.">
        Compliance overview
      </PageTitle>
      <Async state={overview} what="Loading the overview">
        {(o) => (
          <>
            <p>
              Figures as of <DateText iso={o.asOf} withTime />.
            </p>
            <h2>Companies by status and category</h2>
            <ByCategory data={o.byStatusAndCategory} />
            <h2>Deadlines and removals per month</h2>
            <ByMonth months={o.months} />
          </>
        )}
      </Async>
    </>
  );
};
