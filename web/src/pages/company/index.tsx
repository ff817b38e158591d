import { lazyPage, type PageRoute } from '../page-route.ts';

const Dashboard = lazyPage(() => import('./dashboard.tsx'), 'Dashboard');
const Account = lazyPage(() => import('./account/index.tsx'), 'Account');
const Profile = lazyPage(() => import('./profile.tsx'), 'Profile');
const ProfileHistory = lazyPage(() => import('./profile-history.tsx'), 'ProfileHistory');
const Certification = lazyPage(() => import('./certification.tsx'), 'Certification');
const Users = lazyPage(() => import('./users.tsx'), 'Users');
const AlertDetail = lazyPage(() => import('./alerts.tsx'), 'AlertDetail');
const Alerts = lazyPage(() => import('./alerts.tsx'), 'Alerts');
const Messages = lazyPage(() => import('./messages.tsx'), 'Messages');
const Thread = lazyPage(() => import('./messages.tsx'), 'Thread');
const Sharing = lazyPage(() => import('./sharing/index.tsx'), 'Sharing');
const Partner = lazyPage(() => import('./partner.tsx'), 'Partner');
const Audit = lazyPage(() => import('./audit.tsx'), 'Audit');
const Export = lazyPage(() => import('./export.tsx'), 'Export');

/** The participant area's pages, in navigation order. */
export const companyPages: readonly PageRoute[] = [
  { path: '/', element: <Dashboard />, nav: 'Dashboard' },
  { path: '/account', element: <Account />, nav: 'Account', activeCompanyOnly: true },
  { path: '/profile', element: <Profile />, nav: 'Security profile', activeCompanyOnly: true },
  { path: '/profile/history', element: <ProfileHistory />, activeCompanyOnly: true },
  { path: '/certification', element: <Certification />, nav: 'Certification', activeCompanyOnly: true },
  { path: '/users', element: <Users />, nav: 'Users', roles: ['primary-poc'], activeCompanyOnly: true },
  { path: '/alerts', element: <Alerts />, nav: 'Alerts' },
  { path: '/alerts/:alertId', element: <AlertDetail /> },
  { path: '/messages', element: <Messages />, nav: 'Messages' },
  { path: '/messages/:threadId', element: <Thread /> },
  { path: '/sharing', element: <Sharing />, nav: 'Sharing' },
  { path: '/sharing/partners/:companyId', element: <Partner /> },
  { path: '/audit', element: <Audit />, nav: 'Audit trail' },
  { path: '/export', element: <Export />, nav: 'Export', roles: ['primary-poc'], activeCompanyOnly: true },
];
