import type { PageRoute } from '../page-route.ts';
import { Dashboard } from './dashboard.tsx';
import { Account } from './account/index.tsx';
import { Profile } from './profile.tsx';
import { ProfileHistory } from './profile-history.tsx';
import { Certification } from './certification.tsx';
import { Validation } from './validation.tsx';
import { Users } from './users.tsx';
import { AlertDetail, Alerts } from './alerts.tsx';
import { Messages, Thread } from './messages.tsx';
import { Sharing } from './sharing/index.tsx';
import { Partner } from './partner.tsx';
import { Audit } from './audit.tsx';
import { Export } from './export.tsx';

/** The participant area's pages, in navigation order. */
export const companyPages: readonly PageRoute[] = [
  { path: '/', element: <Dashboard />, nav: 'Dashboard' },
  { path: '/account', element: <Account />, nav: 'Account', activeCompanyOnly: true },
  { path: '/profile', element: <Profile />, nav: 'Security profile', activeCompanyOnly: true },
  { path: '/profile/history', element: <ProfileHistory />, activeCompanyOnly: true },
  { path: '/certification', element: <Certification />, nav: 'Certification', activeCompanyOnly: true },
  { path: '/validation', element: <Validation />, nav: 'Validation', activeCompanyOnly: true },
  {
    path: '/users',
    element: <Users />,
    nav: 'Users',
    roles: ['primary-poc'],
    activeCompanyOnly: true,
    refusal: {
      title: 'Only the primary point of contact manages users',
      text: "Your company's primary point of contact adds, changes and removes the portal's users. Ask them for any change to your account or another user's.",
    },
  },
  { path: '/alerts', element: <Alerts />, nav: 'Alerts' },
  { path: '/alerts/:alertId', element: <AlertDetail /> },
  { path: '/messages', element: <Messages />, nav: 'Messages' },
  { path: '/messages/:threadId', element: <Thread /> },
  { path: '/sharing', element: <Sharing />, nav: 'Sharing' },
  { path: '/sharing/partners/:companyId', element: <Partner /> },
  { path: '/audit', element: <Audit />, nav: 'Audit trail' },
  {
    path: '/export',
    element: <Export />,
    nav: 'Export',
    roles: ['primary-poc'],
    activeCompanyOnly: true,
    refusal: {
      title: "Only the primary point of contact exports the company's data",
      text: "Your company's primary point of contact can download all of its portal data. Ask them if you need a copy.",
    },
  },
];
