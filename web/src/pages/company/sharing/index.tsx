import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { PageTitle } from '../../../components/layout.tsx';
import { SviCode } from '../dashboard.tsx';
import { canShare, isRemoved, useMe } from '../shared.tsx';
import { CreateGrantForm, Grants } from './grants.tsx';
import { Requests } from './requests.tsx';
import { AskForm, SharedWithUs } from './shared-with-us.tsx';
import { Alert } from '../../../components/alert.tsx';

/**
 * Confidentiality: a company's data goes to nobody outside CBP unless the primary POC (or a user
 * the POC designated) grants it, for a scope and until a date; every read is in the audit trail.
 */
export const Sharing = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const company = useLoad(['getCompany', companyId], () => api.call('getCompany', { path: { companyId } }));
  const [grantsKey, setGrantsKey] = useState(0);
  const removed = isRemoved(me);
  return (
    <>
      <PageTitle lead="Your company's information is confidential within CBP. It is shared only where your company authorizes it, and every read is recorded in your audit trail.">
        Sharing
      </PageTitle>
      <p className="company-id">
        Your status-verification code: <SviCode code={company.data?.sviCode} />
      </p>
      {!canShare(me) ? (
        <Alert type="info">
          <p>You can see what is shared. Your primary point of contact has not designated you to authorize sharing.</p>
        </Alert>
      ) : null}
      <Grants reloadKey={grantsKey} />
      {removed ? (
        <p>While your company is removed from C-TPAT it can revoke grants but not make new ones.</p>
      ) : (
        <>
          {canShare(me) ? <CreateGrantForm onCreated={() => setGrantsKey((k) => k + 1)} /> : null}
          <Requests onDecided={() => setGrantsKey((k) => k + 1)} />
          <SharedWithUs />
          {canShare(me) ? <AskForm /> : null}
        </>
      )}
    </>
  );
};
