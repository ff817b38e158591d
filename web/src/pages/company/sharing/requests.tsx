/** Requests other companies made to share with them, each accepted (until a date) or declined here. */
import { useState } from 'react';
import type { ResponseOf } from '../../../api/client.ts';
import { useSession } from '../../../api/session.tsx';
import { Async, DateText, Empty, MorePages, StatusBadge } from '../../../components/data.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { TextField } from '../../../components/form.tsx';
import { canShare, SCOPE_LABELS, SrOnly, useAction, useMe, usePaged } from '../shared.tsx';
import { dayAfter } from './words.ts';

type GrantRequest = ResponseOf<'listGrantRequests'>['items'][number];

/** A pending request's decision, with the date an acceptance runs until; its status once decided. */
const Decision = ({ request, onDecided }: { request: GrantRequest; onDecided: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [until, setUntil] = useState(dayAfter(me.now, 365));
  const action = useAction();
  const decide = (decision: 'accept' | 'decline') =>
    action.run(async () => {
      const body = decision === 'accept' ? { decision, expiresOn: until } : { decision };
      await api.call('decideGrantRequest', {
        path: { companyId: me.company.companyId, requestId: request.requestId },
        body,
      });
      onDecided();
    });
  if (request.status !== 'pending' || !canShare(me)) return <StatusBadge status={request.status} />;
  return (
    <div className="row-actions">
      <TextField
        label={`Grant ${request.requesterLegalName} access until`}
        type="date"
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        error={action.error?.fieldError('expiresOn')}
      />
      <button type="button" className="usa-button" disabled={action.busy} onClick={() => decide('accept')}>
        Accept<SrOnly> the request of {request.requesterLegalName}</SrOnly>
      </button>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={action.busy}
        onClick={() => decide('decline')}
      >
        Decline<SrOnly> the request of {request.requesterLegalName}</SrOnly>
      </button>
      {action.error && !action.error.fieldError('expiresOn') ? (
        <p className="usa-error-message" role="alert">
          {action.error.message}
        </p>
      ) : null}
    </div>
  );
};

export const Requests = ({ onDecided }: { onDecided: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(['listGrantRequests', companyId, round], (cursor) =>
    api.call('listGrantRequests', { path: { companyId }, query: { direction: 'incoming', cursor, limit: 25 } }),
  );
  const decided = () => {
    setRound((x) => x + 1);
    onDecided();
  };
  return (
    <section>
      <h2 id="requests-heading">Requests to your company</h2>
      <Async state={list.page} what="Loading requests">
        {() =>
          list.items.length === 0 ? (
            <Empty>No company has asked your company to share.</Empty>
          ) : (
            <DataTable
              label="Requests to your company"
              caption="Requests other companies made to yours"
              columns={[
                { header: 'From', cell: (r) => r.requesterLegalName },
                { header: 'Asks for', cell: (r) => SCOPE_LABELS[r.scope] },
                { header: 'Message', cell: (r) => r.message ?? '—' },
                { header: 'Asked', cell: (r) => <DateText iso={r.requestedAt} /> },
                { header: 'Decision', cell: (r: GrantRequest) => <Decision request={r} onDecided={decided} /> },
              ]}
              rows={list.items}
              rowKey={(r) => r.requestId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
    </section>
  );
};
