/**
 * Secure messages for CBP. Threads belong to one company each and the API lists them per
 * company (there is no cross-company thread list), so this page lists the companies, each
 * linking to the Messages section of its record, where its threads are read and answered and
 * a new one can be started.
 */
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, Empty, StatusBadge, MorePages } from '../../components/data.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { type CompanySummary, listCompanies } from './contract.ts';
import { categoryName, usePaged } from './shared.tsx';

const COLUMNS: Columns<CompanySummary> = [
  {
    header: 'Company',
    rowHeader: true,
    cell: (c) => (
      <Link to={`/cbp/companies/${c.companyId}#section-messages`}>
        {c.legalName}
        <span className="usa-sr-only">: messages</span>
      </Link>
    ),
  },
  { header: 'Category', cell: (c) => categoryName(c.category) },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
];

export const Messages = () => {
  const { api } = useSession();
  const list = usePaged(['listCompanies'], (cursor) => listCompanies(api, { cursor }));
  return (
    <>
      <PageTitle lead="Two-way secure threads between CBP and each company, kept in the portal. Emails only say that there is a new message and where to read it.">
        Messages
      </PageTitle>
      <p>
        Threads are kept with each company. Choose a company to read and answer its threads or to start a new one; each
        company's record lists its threads under Messages.
      </p>
      <h2>Companies</h2>
      <Async state={list.state} what="Loading companies">
        {(items) =>
          items.length === 0 ? (
            <Empty>No company is enrolled yet.</Empty>
          ) : (
            <DataTable
              label="Companies and their messages"
              caption="Companies: open one's messages"
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
