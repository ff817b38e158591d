import { useEffect, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { ErrorSummary } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { ActiveCompanyOnly, useAction, useMe } from './shared.tsx';

interface Prepared {
  readonly url: string;
  readonly name: string;
  readonly kilobytes: number;
}

/** Everything the portal holds about the company, as one JSON file (the export is audited). */
export const Export = () => {
  const me = useMe();
  const { api } = useSession();
  const [prepared, setPrepared] = useState<Prepared>();
  const action = useAction();
  // The object URL holds the file in memory until the page closes or a new export replaces it.
  useEffect(
    () => () => {
      if (prepared) URL.revokeObjectURL(prepared.url);
    },
    [prepared],
  );
  const prepare = () =>
    action.run(async () => {
      const data = await api.call('exportCompany', { path: { companyId: me.company.companyId } });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      setPrepared({
        url: URL.createObjectURL(blob),
        name: `ctpat-export-${me.company.companyId}-${data.exportedAt.slice(0, 10)}.json`,
        kilobytes: Math.max(1, Math.round(blob.size / 1024)),
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
          className="button button--primary"
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
            <a href={prepared.url} download={prepared.name}>
              Download the export (JSON, {prepared.kilobytes} KB)
            </a>
          </p>
        ) : null}
      </div>
    </ActiveCompanyOnly>
  );
};
