/** How audit records are put in words on both sides: roles, and what a record is about. */
import type { ResponseOf } from '../api/client.ts';

type AuditRecord = ResponseOf<'companyAudit'>['items'][number];

/** Roles in words, for records whose actor has no name to show (the portal itself, a removed user). */
export const ROLE_LABELS: Record<string, string> = {
  'primary-poc': 'Primary POC',
  'company-user': 'Company user',
  'cbp-officer': 'CBP officer',
  'cbp-admin': 'CBP administrator',
  operator: 'Operator',
  system: 'The portal',
};

/** What a record is about: a company's or a user's name where there is one, else its kind and a short reference. */
export const AuditObject = ({ record: r }: { record: Pick<AuditRecord, 'objectType' | 'objectId' | 'objectName'> }) =>
  r.objectName ? (
    <>
      {r.objectType} {r.objectName}
    </>
  ) : (
    <>
      {r.objectType}{' '}
      <span className="usa-hint" title={r.objectId}>
        {r.objectId.length > 24 ? `${r.objectId.slice(0, 8)}…` : r.objectId}
      </span>
    </>
  );
