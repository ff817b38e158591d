import { lazyPage, type PageRoute } from '../page-route.ts';
import './cbp.css';
import { StaffOnly } from './shared.tsx';

const MfaSetup = lazyPage(() => import('./mfa.tsx'), 'MfaSetup');
const Overview = lazyPage(() => import('./overview.tsx'), 'Overview');
const Companies = lazyPage(() => import('./companies.tsx'), 'Companies');
const Enroll = lazyPage(() => import('./enroll.tsx'), 'Enroll');
const CompanyRecord = lazyPage(() => import('./company/index.tsx'), 'CompanyRecord');
const ThreadPage = lazyPage(() => import('./thread.tsx'), 'ThreadPage');
const Deadlines = lazyPage(() => import('./deadlines.tsx'), 'Deadlines');
const Alerts = lazyPage(() => import('./alerts.tsx'), 'Alerts');
const AlertDetail = lazyPage(() => import('./alert.tsx'), 'AlertDetail');
const Messages = lazyPage(() => import('./messages.tsx'), 'Messages');
const Staff = lazyPage(() => import('./staff.tsx'), 'Staff');
const Audit = lazyPage(() => import('./audit.tsx'), 'Audit');

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
