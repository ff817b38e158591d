import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/data.tsx';
import { companyPages } from './pages/company/index.tsx';
import { cbpPages } from './pages/cbp/index.tsx';
import { lazyPage, type PageRoute } from './pages/page-route.ts';
import { PageTitle } from './components/layout.tsx';

const SignIn = lazyPage(() => import('./pages/auth/sign-in.tsx'), 'SignIn');
const ForgotPassword = lazyPage(() => import('./pages/auth/forgot-password.tsx'), 'ForgotPassword');
const RequestAccount = lazyPage(() => import('./pages/auth/request-account.tsx'), 'RequestAccount');

const NotFoundPage = () => (
  <>
    <PageTitle>Page not found</PageTitle>
    <p>There is no page at this address. Use the navigation above.</p>
  </>
);

/**
 * The portal's pages. Signed-out visitors see the sign-in pages; company users the
 * participant area; CBP staff the staff area under /cbp. The API checks every call again:
 * hiding a page is convenience, not security. Each page's script loads when the page is first
 * opened (pages/page-route.ts), meanwhile the page says it is loading.
 */
export const App = () => {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <Layout nav={[]}>
        <Loading what="Signing you in" />
      </Layout>
    );

  if (!me) {
    return (
      <Layout nav={[]}>
        <Suspense fallback={<Loading what="Loading the page" />}>
          <Routes>
            <Route path="/sign-in" element={<SignIn />} />
            <Route path="/forgot-password" element={<ForgotPassword />} />
            <Route path="/request-account" element={<RequestAccount />} />
            <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname }} />} />
          </Routes>
        </Suspense>
      </Layout>
    );
  }

  const staff = me.company.status === 'cbp';
  const pages: readonly PageRoute[] = (staff ? cbpPages : companyPages).filter(
    (p) => !p.roles || p.roles.includes(me.role),
  );
  // A removed company's pages that the API refuses stay reachable (they say why) but leave the navigation.
  const removed = me.company.status === 'removed';
  const nav = pages
    .filter((p) => p.nav && !(removed && p.activeCompanyOnly))
    .map((p) => ({ to: p.path, label: p.nav! }));
  const home = staff ? '/cbp' : '/';
  return (
    <Layout nav={nav}>
      <Suspense fallback={<Loading what="Loading the page" />}>
        <Routes>
          {pages.map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
          <Route path="/sign-in" element={<Navigate to={home} replace />} />
          {staff ? <Route path="/" element={<Navigate to="/cbp" replace />} /> : null}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
};
