import { Link } from 'react-router';
import type { ResponseOf } from '../../api/client.ts';
import { DateText } from '../../components/data.tsx';
import { DataTable } from '../../components/data-table.tsx';

export type AuditRecord = ResponseOf<'portalAudit'>['items'][number];

/** A page of audit records as a table: the portal's trail (audit page) and one company's (its record). */
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
          r.companyId === 'CBP' ? 'CBP' : <Link to={`/cbp/companies/${r.companyId}`}>{r.companyId}</Link>,
      },
      { header: 'Object', cell: (r) => `${r.objectType} ${r.objectId}` },
      {
        header: 'By',
        cell: (r) =>
          `${r.actorRole}${r.actorId ? ` ${r.actorId}` : ''}${r.actorCompanyId !== r.companyId ? ` (${r.actorCompanyId})` : ''}`,
      },
      { header: 'From', cell: (r) => r.sourceIp ?? '—' },
    ]}
    rows={items}
    rowKey={(r) => r.auditId}
  />
);
