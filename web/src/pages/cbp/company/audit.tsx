/** The company's audit trail. */
import { useSession } from '../../../api/session.tsx';
import { Async, Empty, MorePages } from '../../../components/data.tsx';
import { AuditTable } from '../audit.tsx';
import { usePaged } from '../shared.tsx';

export const CompanyAuditSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const trail = usePaged(['companyAudit', companyId], (cursor) =>
    api.call('companyAudit', { path: { companyId }, query: { cursor } }),
  );
  return (
    <>
      <Async state={trail.state} what="Loading the trail">
        {(items) =>
          items.length ? (
            <AuditTable items={items} caption="The company's audit trail, newest first" withCompany={false} />
          ) : (
            <Empty>No records.</Empty>
          )
        }
      </Async>
      <MorePages list={trail} />
    </>
  );
};
