/**
 * What the participant pages share: the signed-in company user, what their role and permissions
 * let them do (the API checks again), paged lists, and the wording of identifiers and reasons.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession, type Me } from '../../api/session.tsx';
import { PageTitle } from '../../components/layout.tsx';
import type { Identifiers } from '../../../../functions/schemas/company.ts';
import './company.css';
import { Alert } from '../../components/alert.tsx';

/** The signed-in user; the participant pages render only when signed in. */
export const useMe = (): Me => {
  const { me } = useSession();
  if (!me) throw new Error('The participant pages need a signed-in user');
  return me;
};

export const isPrimaryPoc = (me: Me): boolean => me.role === 'primary-poc';
/** The primary POC, or a user the POC allowed to edit the account information and profile. */
export const canEditProfile = (me: Me): boolean =>
  me.role === 'primary-poc' || (me.role === 'company-user' && me.permissions.editProfile);
/** The primary POC, or a user the POC designated to authorize sharing. */
export const canShare = (me: Me): boolean =>
  me.role === 'primary-poc' || (me.role === 'company-user' && me.permissions.authorizeSharing);
export const isRemoved = (me: Me): boolean => me.company.status === 'removed';

export const IDENTIFIER_LABELS: Record<keyof Identifiers, string> = {
  iorNumber: 'Importer of record (IOR) number',
  ein: 'Employer identification number (EIN)',
  scac: 'Standard carrier alpha code (SCAC)',
  mid: 'Manufacturer identification (MID) code',
  filerCode: 'Customs broker filer code',
  iataCode: 'IATA airline code',
  fmcLicense: 'FMC license number',
};
export const IDENTIFIER_KEYS = Object.keys(IDENTIFIER_LABELS) as (keyof Identifiers)[];

export const REMOVAL_REASONS: Record<string, string> = {
  'enrollment-deadline-missed':
    'The portal update (account information and security profile) was not completed by the enrollment deadline.',
  'certification-lapsed': 'The annual recertification was not submitted by its due date.',
  'cbp-decision': 'CBP removed the company from the program.',
};

export const SCOPE_LABELS: Record<string, string> = {
  status: 'Membership status only',
  'profile-summary': 'Status and profile summary',
  profile: 'Full security profile',
};

/** A yes/no or text answer in words. */
export const answerText = (answer: boolean | string | null | undefined): string =>
  answer === true
    ? 'Yes'
    : answer === false
      ? 'No'
      : answer === null || answer === undefined || answer === ''
        ? 'Unanswered'
        : answer;

/**
 * A removed company's users may only read messages, alerts, the audit trail and their grants,
 * and start the reapplication: the other pages say so instead of failing.
 */
export const ActiveCompanyOnly = ({ title, children }: { title: string; children: ReactNode }) => {
  const me = useMe();
  if (!isRemoved(me)) return <>{children}</>;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert type="warning">
        <p>Your company has been removed from C-TPAT, so this page is closed until CBP accepts it back.</p>
        <p>
          You can still read your <Link to="/messages">messages</Link> and <Link to="/alerts">alerts</Link>. See the{' '}
          <Link to="/">dashboard</Link> for how to reapply.
        </p>
      </Alert>
    </>
  );
};

/** Text for screen readers only: tells apart buttons that look alike ("Disable" on each row). */
export const SrOnly = ({ children }: { children: ReactNode }) => <span className="usa-sr-only">{children}</span>;

export { usePaged, useAction } from '../../components/use-paged.ts';
