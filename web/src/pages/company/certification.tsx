import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, Countdown, DateText, Empty, StatusBadge, TableWrap } from '../../components/data.tsx';
import { CheckboxField, ErrorSummary, SubmitButton, Success, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { REVIEW_WINDOW_DAYS } from '../../../../functions/definitions/deadlines.ts';
import { programDate, programDayStart } from '../../../../functions/definitions/program-time.ts';
import { ActiveCompanyOnly, isPrimaryPoc, useMe } from './shared.tsx';

type Company = ResponseOf<'getCompany'>;
type Profile = ResponseOf<'getSecurityProfile'>;

/** Why the primary POC cannot certify now, or undefined when they can (the API decides again). */
const blocker = (company: Company, profile: Profile, now: string): string | undefined => {
  if (profile.version === 0) return 'Save the security profile before certifying it.';
  if (!profile.completeness.complete) return `Answer every required question of the security profile first (${profile.completeness.missing.length} still missing).`;
  if (company.nextCertificationDueAt && company.certificationStatus && company.certificationStatus !== 'returned') {
    // As the API decides: from 00:00 Eastern, REVIEW_WINDOW_DAYS program days before the due date.
    const opens = programDayStart(programDate(company.nextCertificationDueAt), -REVIEW_WINDOW_DAYS);
    if (new Date(now) < opens) return `The next certification opens on ${programDate(opens)}, ${REVIEW_WINDOW_DAYS} days before it is due.`;
  }
  return undefined;
};

const CertifyForm = ({ company, profile, onDone }: { company: Company; profile: Profile; onDone: () => void }) => {
  const me = useMe();
  const { api } = useSession();
  const [attest, setAttest] = useState(false);
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    const cert = await api.call('certify', { path: { companyId: company.companyId }, body: { profileVersion: profile.version, attestation: attest as true } });
    setDone(`Certification submitted. CBP will review it. The next one is due ${programDate(cert.nextDueAt)}.`);
    onDone();
  });
  if (!isPrimaryPoc(me)) return <p>Only your company's primary point of contact signs the annual certification.</p>;
  if (done) return <Success message={done} />;
  const reason = blocker(company, profile, me.now);
  if (reason) return <div className="alert alert--info"><p>{reason}</p><p><Link to="/profile">Go to the security profile</Link></p></div>;
  return (
    <>
      <ErrorSummary error={submit.error} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <p>You are certifying version {profile.version} of the security profile, saved <DateText iso={profile.savedAt} />.</p>
        <CheckboxField
          label={`I certify, as an officer of ${company.legalName}, that the security profile is current and accurate`}
          checked={attest}
          onChange={(e) => setAttest(e.target.checked)}
        />
        <SubmitButton busy={submit.busy}>Certify the security profile</SubmitButton>
      </form>
    </>
  );
};

/** The annual certification: history, the next due date, and the primary POC's signature. */
export const Certification = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const state = useLoad(async () => {
    const [company, profile, certifications] = await Promise.all([
      api.call('getCompany', { path: { companyId } }),
      api.call('getSecurityProfile', { path: { companyId } }),
      api.call('listCertifications', { path: { companyId } }),
    ]);
    return { company, profile, certifications: certifications.items };
  }, [companyId]);
  return (
    <ActiveCompanyOnly title="Certification">
      <PageTitle lead="Once a year the primary point of contact certifies that the security profile is current. CBP reviews each certification.">Certification</PageTitle>
      <Async state={state} what="Loading certifications">
        {({ company, profile, certifications }) => (
          <>
            {company.nextCertificationDueAt ? (
              <Countdown due={company.nextCertificationDueAt} now={me.now} label="Next certification" />
            ) : (
              <p>Your company has not certified yet. Certify once the account information and security profile are complete.</p>
            )}
            {company.certificationStatus ? (
              <p>
                Last certification: <StatusBadge status={company.certificationStatus} />
              </p>
            ) : null}
            {company.certificationStatus === 'returned' ? (
              <div className="alert alert--warning"><p>CBP sent the last certification back. Update the profile as asked and certify again.</p></div>
            ) : null}
            <h2>Certify</h2>
            <CertifyForm company={company} profile={profile} onDone={state.reload} />
            <h2>Certifications</h2>
            {certifications.length === 0 ? (
              <Empty>No certifications yet.</Empty>
            ) : (
              <TableWrap label="Certifications">
                <table>
                  <caption>Certifications, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Certified</th>
                      <th scope="col">Profile version</th>
                      <th scope="col">Status</th>
                      <th scope="col">Next due</th>
                      <th scope="col">CBP's comments</th>
                    </tr>
                  </thead>
                  <tbody>
                    {certifications.map((c) => (
                      <tr key={c.certificationId}>
                        <td><DateText iso={c.certifiedAt} /></td>
                        <td className="num">{c.profileVersion}</td>
                        <td><StatusBadge status={c.status} /></td>
                        <td><DateText iso={c.nextDueAt} /></td>
                        <td>{c.comments ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )}
      </Async>
    </ActiveCompanyOnly>
  );
};
