import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { ApiError, type ResponseOf } from '../../api/client.ts';
import { Async, Countdown, DateText, Empty, StatusBadge } from '../../components/data.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { CheckboxField, ErrorSummary, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { programDate } from '../../../../functions/definitions/program-time.ts';
import { StatementText, windowWords } from '../../components/certification-words.tsx';
import {
  certificationWindow,
  statementFor,
  type LastCertification,
} from '../../../../functions/domain/certification-rules.ts';
import { CERTIFICATION_STATEMENTS } from '../../../../functions/definitions/certification-statements.ts';
import { ActiveCompanyOnly, isPrimaryPoc, useMe } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

type Company = ResponseOf<'getCompany'>;
type Profile = ResponseOf<'getSecurityProfile'>;

const CERTIFICATION_COLUMNS: Columns<ResponseOf<'listCertifications'>['items'][number]> = [
  { header: 'Certified', cell: (c) => <DateText iso={c.certifiedAt} /> },
  { header: 'Profile version', numeric: true, cell: (c) => c.profileVersion },
  { header: 'Statement', cell: (c) => <StatementText certification={c} /> },
  { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { header: 'Next due', cell: (c) => <DateText iso={c.nextDueAt} /> },
  { header: "CBP's comments", cell: (c) => c.comments ?? '—' },
];

/** Why the primary POC cannot certify now, or undefined when they can (the API decides again). */
const blocker = (company: Company, profile: Profile, now: string): string | undefined => {
  if (profile.version === 0) return 'Save the security profile before certifying it.';
  if (!profile.completeness.complete)
    return `Answer every required question of the security profile first (${profile.completeness.missing.length} still missing).`;
  const window = certificationWindow(company, new Date(now));
  return window.kind === 'not-yet'
    ? `You can certify from ${window.opensOn}, when the review window opens.`
    : undefined;
};

const FIELD_NAMES: Record<string, string> = {
  attestation: 'Certification statement',
  reviewedUnchanged: 'Review of the unchanged profile',
  password: 'Your password',
  code: 'Authenticator code',
};

const CertifyForm = ({
  company,
  profile,
  last,
  onDone,
}: {
  company: Company;
  profile: Profile;
  last: LastCertification | undefined;
  onDone: () => void;
}) => {
  const me = useMe();
  const { api } = useSession();
  const [attest, setAttest] = useState(false);
  const [reviewed, setReviewed] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string>();
  // Nothing changed since the last certification: the POC states the profile was reviewed and is still accurate.
  const unchanged = statementFor(profile.version, last) === 'reviewed-unchanged';
  const submit = useSubmit(async () => {
    if (unchanged && !reviewed)
      throw new ApiError(
        400,
        'validation',
        'Tick the box to state that you reviewed the unchanged security profile and it is still accurate.',
        [],
      );
    if (!attest)
      throw new ApiError(
        400,
        'validation',
        'Tick the box to certify that the security profile is current and accurate.',
        [],
      );
    // The signature (decision 95): the POC confirms who they are, then certifies within minutes.
    await api.call('reauthenticate', { body: { password, ...(code ? { code } : {}) } });
    setPassword('');
    const cert = await api.call('certify', {
      path: { companyId: company.companyId },
      body: {
        profileVersion: profile.version,
        attestation: true,
        ...(unchanged ? { reviewedUnchanged: true as const } : {}),
      },
    });
    setDone(`Certification submitted. CBP will review it. The next one is due ${programDate(cert.nextDueAt)}.`);
    onDone();
  });
  if (!isPrimaryPoc(me)) return <p>Only your company's primary point of contact signs the annual certification.</p>;
  if (done) return <Success message={done} />;
  const reason = blocker(company, profile, me.now);
  if (reason)
    return (
      <Alert type="info">
        <p>{reason}</p>
        <p>
          <Link to="/profile">Go to the security profile</Link>
        </p>
      </Alert>
    );
  return (
    <>
      <ErrorSummary error={submit.error} fieldName={(field) => FIELD_NAMES[field]} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <p>
          You are certifying version {profile.version} of the security profile, saved <DateText iso={profile.savedAt} />
          .
        </p>
        {unchanged && last ? (
          <>
            <Alert type="info">
              <p>
                The security profile has not changed since your certification of <DateText iso={last.certifiedAt} />{' '}
                (version {last.profileVersion}). <Link to="/profile">Review it</Link>, change what is no longer
                accurate, or confirm that it is still accurate.
              </p>
            </Alert>
            <CheckboxField
              label={CERTIFICATION_STATEMENTS['reviewed-unchanged']}
              checked={reviewed}
              onChange={(e) => setReviewed(e.target.checked)}
            />
          </>
        ) : null}
        <CheckboxField
          label={CERTIFICATION_STATEMENTS['profile-current']}
          checked={attest}
          onChange={(e) => setAttest(e.target.checked)}
        />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Sign with your password</legend>
          <p className="usa-hint">
            Your certification is an electronic signature: the portal records who signed, when, the statement above and
            a fingerprint of profile version {profile.version}.
          </p>
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={submit.fieldError('password')}
          />
          {me.mfaEnrolled || submit.fieldError('code') ? (
            <TextField
              label="Authenticator code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={submit.fieldError('code')}
            />
          ) : null}
        </fieldset>
        <SubmitButton busy={submit.busy}>Sign and certify the security profile</SubmitButton>
      </form>
    </>
  );
};

/** The annual certification: history, the next due date, and the primary POC's signature. */
export const Certification = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const state = useLoad(['getCompany+getSecurityProfile+listCertifications', companyId], async () => {
    const [company, profile, certifications] = await Promise.all([
      api.call('getCompany', { path: { companyId } }),
      api.call('getSecurityProfile', { path: { companyId } }),
      api.call('listCertifications', { path: { companyId } }),
    ]);
    return { company, profile, certifications: certifications.items };
  });
  return (
    <ActiveCompanyOnly title="Certification">
      <PageTitle lead="The primary point of contact certifies that the security profile is current: the first time as soon as the profile is complete, then every year from 90 days before the due date. CBP reviews each certification; one it sends back can be certified again at once.">
        Certification
      </PageTitle>
      <Async state={state} what="Loading certifications">
        {({ company, profile, certifications }) => (
          <>
            {company.nextCertificationDueAt ? (
              <Countdown
                due={company.nextCertificationDueAt}
                now={me.now}
                label={company.certificationStatus ? 'Next certification' : 'First certification due'}
              />
            ) : null}
            {company.certificationStatus !== 'returned' ? (
              <p>{windowWords(certificationWindow(company, new Date(me.now)))}</p>
            ) : null}
            {company.certificationStatus ? (
              <p>
                Last certification: <StatusBadge status={company.certificationStatus} />
              </p>
            ) : null}
            {company.certificationStatus === 'returned' ? (
              <Alert type="warning">
                <p>
                  CBP sent the last certification back: you can certify again now. Update the profile as CBP asked, then
                  certify it.
                </p>
              </Alert>
            ) : null}
            <h2>Certify</h2>
            <CertifyForm
              company={company}
              profile={profile}
              last={company.lastCertification ?? certifications[0]}
              onDone={state.reload}
            />
            <h2>Certifications</h2>
            {certifications.length === 0 ? (
              <Empty>No certifications yet.</Empty>
            ) : (
              <DataTable
                label="Certifications"
                caption="Certifications, newest first"
                columns={CERTIFICATION_COLUMNS}
                rows={certifications}
                rowKey={(c) => c.certificationId}
              />
            )}
          </>
        )}
      </Async>
    </ActiveCompanyOnly>
  );
};
