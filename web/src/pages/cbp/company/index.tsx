/**
 * One company's full record for CBP: enrollment and standing (with the actions on it), account
 * information, security profile and its versions, certifications (with their review), users,
 * message threads, sharing grants and audit trail. Each section loads on its own, so one
 * refusal or slow read does not hide the rest. (Staff reads of the profile are audited.)
 */
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { LoadError, Loading } from '../../../components/data.tsx';
import { PageTitle } from '../../../components/layout.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { AccountInfoSection } from './account-info.tsx';
import { CompanyActions } from './actions.tsx';
import { CompanyAuditSection } from './audit.tsx';
import { CertificationsSection } from './certifications.tsx';
import { Enrollment } from './enrollment.tsx';
import { GrantsSection } from './grants.tsx';
import { ThreadsSection } from './messages.tsx';
import { ProfileSection } from './profile.tsx';
import { Section } from './section.tsx';
import { UsersSection } from './users.tsx';
import { ValidationsSection } from './validations.tsx';

type Company = ResponseOf<'getCompany'>;

export const CompanyRecord = () => {
  const { companyId = '' } = useParams();
  const { api, me } = useSession();
  const loaded = useLoad(['getCompany', companyId], () => api.call('getCompany', { path: { companyId } }));
  const [company, setCompany] = useState<Company | undefined>();
  useEffect(() => setCompany(loaded.data), [loaded.data]);
  const shown = company ?? loaded.data;
  const { hash } = useLocation();
  const ready = Boolean(shown);
  // A link to one section (#section-messages from the Messages page) lands on it once the record is shown.
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);

  if (loaded.error) {
    return (
      <>
        <PageTitle>Company</PageTitle>
        <LoadError error={loaded.error} retry={loaded.reload} />
      </>
    );
  }
  // The sections read their data at once, beside the company (one round of requests, not two),
  // and stay hidden until the company is shown above them, so nothing moves as it arrives.
  return (
    <>
      {shown ? (
        <>
          <PageTitle lead={<Link to="/cbp/companies">All companies</Link>}>{shown.legalName}</PageTitle>
          <nav aria-label="Sections of this record">
            <ul className="inline-list">
              {[
                ['enrollment', 'Enrollment'],
                ['account', 'Account information'],
                ['profile', 'Security profile'],
                ['certifications', 'Certifications'],
                ['validations', 'Validations'],
                ['users', 'Users'],
                ['messages', 'Messages'],
                ['grants', 'Sharing'],
                ['audit', 'Audit trail'],
              ].map(([id, label]) => (
                <li key={id}>
                  <a href={`#section-${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <Section id="enrollment" title="Enrollment and standing">
            <Enrollment company={shown} now={me?.now} />
            <CompanyActions company={shown} onChanged={setCompany} />
          </Section>
        </>
      ) : (
        <Loading what="Loading the company" />
      )}
      <div hidden={!shown}>
        <Section id="account" title="Account information">
          <AccountInfoSection companyId={companyId} />
        </Section>
        <Section id="profile" title="Security profile">
          <ProfileSection companyId={companyId} />
        </Section>
        <Section id="certifications" title="Certifications">
          <CertificationsSection companyId={companyId} />
        </Section>
        <Section id="validations" title="Validations">
          <ValidationsSection companyId={companyId} category={shown?.category} />
        </Section>
        <Section id="users" title="Users">
          <UsersSection companyId={companyId} />
        </Section>
        <Section id="messages" title="Messages">
          <ThreadsSection companyId={companyId} company={shown} />
        </Section>
        <Section id="grants" title="Sharing grants">
          <GrantsSection companyId={companyId} />
        </Section>
        <Section id="audit" title="Audit trail">
          <CompanyAuditSection companyId={companyId} />
        </Section>
      </div>
    </>
  );
};
