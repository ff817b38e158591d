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
import { listCompanies } from './contract.ts';
import { TableWrap, categoryName, usePaged } from './shared.tsx';

export const Messages = () => {
  const { api } = useSession();
  const list = usePaged((cursor) => listCompanies(api, { cursor }), []);
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
            <TableWrap label="Companies and their messages">
              <table>
                <caption>Companies: open one's messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Company</th>
                    <th scope="col">Category</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.companyId}>
                      <th scope="row">
                        <Link to={`/cbp/companies/${c.companyId}#section-messages`}>
                          {c.legalName}
                          <span className="sr-only">: messages</span>
                        </Link>
                      </th>
                      <td>{categoryName(c.category)}</td>
                      <td>
                        <StatusBadge status={c.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      <MorePages list={list} />
    </>
  );
};
