import type { PageRoute } from '../page-route.ts';
import './cbp.css';
import { StaffOnly } from './shared.tsx';
import { MfaSetup } from './mfa.tsx';
import { Overview } from './overview.tsx';
import { Companies } from './companies.tsx';
import { Worklist } from './worklist.tsx';
import { Enroll } from './enroll.tsx';
import { CompanyRecord } from './company/index.tsx';
import { ThreadPage } from './thread.tsx';
import { Deadlines } from './deadlines.tsx';
import { Alerts } from './alerts.tsx';
import { AlertDetail } from './alert.tsx';
import { Messages } from './messages.tsx';
import { Staff } from './staff.tsx';
import { Audit } from './audit.tsx';

/** CBP staff's pages (under /cbp), in navigation order. Each but the MFA set-up waits for it. */
export const cbpPages: readonly PageRoute[] = [
  {
    path: '/cbp',
    nav: 'Overview',
    element: (
      <StaffOnly>
        <Overview />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/worklist',
    nav: 'Worklist',
    element: (
      <StaffOnly>
        <Worklist />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/companies',
    nav: 'Companies',
    element: (
      <StaffOnly>
        <Companies />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/enroll',
    nav: 'Enroll',
    element: (
      <StaffOnly>
        <Enroll />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/companies/:companyId',
    element: (
      <StaffOnly>
        <CompanyRecord />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/companies/:companyId/messages/:threadId',
    element: (
      <StaffOnly>
        <ThreadPage />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/deadlines',
    nav: 'Deadlines',
    element: (
      <StaffOnly>
        <Deadlines />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/alerts',
    nav: 'Alerts',
    element: (
      <StaffOnly>
        <Alerts />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/alerts/:alertId',
    element: (
      <StaffOnly>
        <AlertDetail />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/messages',
    nav: 'Messages',
    element: (
      <StaffOnly>
        <Messages />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/staff',
    nav: 'Staff',
    roles: ['cbp-admin'],
    refusal: {
      title: 'Only CBP administrators manage staff',
      text: 'A CBP administrator adds staff members, changes their roles and disables their accounts.',
    },
    element: (
      <StaffOnly>
        <Staff />
      </StaffOnly>
    ),
  },
  {
    path: '/cbp/audit',
    nav: 'Audit',
    element: (
      <StaffOnly>
        <Audit />
      </StaffOnly>
    ),
  },
  { path: '/cbp/mfa', element: <MfaSetup /> },
];
