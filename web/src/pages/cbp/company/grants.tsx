/** What the company shares, and with whom. */
import { useSession } from '../../../api/session.tsx';
import { Async, DateText, Empty, MoreButton } from '../../../components/data.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { usePaged } from '../shared.tsx';

export const GrantsSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const grants = usePaged(['listGrants', companyId], (cursor) =>
    api.call('listGrants', { path: { companyId }, query: { cursor } }),
  );
  return (
    <>
      <Async state={grants.state} what="Loading grants">
        {(items) =>
          items.length ? (
            <DataTable
              label="Sharing grants"
              caption="What the company shares, and with whom"
              columns={[
                { header: 'With', cell: (g) => g.granteeName },
                { header: 'Scope', cell: (g) => g.scope.replaceAll('-', ' ') },
                { header: 'Until', cell: (g) => <DateText iso={g.expiresOn} /> },
                { header: 'Status', cell: (g) => g.status },
              ]}
              rows={items}
              rowKey={(g) => g.grantId}
            />
          ) : (
            <Empty>The company shares nothing with anyone.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={grants.cursor} onMore={() => void grants.more()} busy={grants.busy} />
    </>
  );
};
