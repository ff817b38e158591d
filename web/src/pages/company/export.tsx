import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { DateText } from '../../components/data.tsx';
import { ErrorSummary } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { ActiveCompanyOnly, useAction, useMe } from './shared.tsx';

interface Prepared {
  readonly url: string;
  readonly fileName: string;
  readonly kilobytes: number;
  readonly expiresAt: string;
}

/**
 * Everything the portal holds about the company, as one JSON file (the export is audited). The
 * portal writes the file to its private storage and answers a link that downloads it for five
 * minutes, so a company's file may be any size: the browser never holds it.
 */
export const Export = () => {
  const me = useMe();
  const { api } = useSession();
  const [prepared, setPrepared] = useState<Prepared>();
  const action = useAction();
  const prepare = () =>
    action.run(async () => {
      const link = await api.call('exportCompany', { path: { companyId: me.company.companyId } });
      setPrepared({
        url: link.url,
        fileName: link.fileName,
        kilobytes: Math.max(1, Math.round(link.bytes / 1024)),
        expiresAt: link.expiresAt,
      });
    });
  return (
    <ActiveCompanyOnly title="Export">
      <PageTitle lead="Download everything the portal holds about your company: account information, every profile version, certifications, messages, grants and the audit trail. The export itself is recorded in the audit trail.">
        Export
      </PageTitle>
      <ErrorSummary error={action.error} />
      <div className="actions">
        <button
          type="button"
          className="usa-button"
          disabled={action.busy}
          aria-busy={action.busy || undefined}
          onClick={prepare}
        >
          {action.busy ? 'Preparing…' : 'Prepare the export'}
        </button>
      </div>
      <div role="status">
        {prepared ? (
          <p>
            The export is ready:{' '}
            <a href={prepared.url} download={prepared.fileName}>
              Download the export (JSON, {prepared.kilobytes.toLocaleString('en-US')} KB)
            </a>
            . The link works for five minutes, until <DateText iso={prepared.expiresAt} withTime />; after that, prepare
            the export again.
          </p>
        ) : null}
      </div>
    </ActiveCompanyOnly>
  );
};
