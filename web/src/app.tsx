import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/data.tsx';
import { SignIn } from './pages/auth/sign-in.tsx';
import { MfaSetup } from './pages/cbp/mfa.tsx';
import { RequestAccount } from './pages/auth/request-account.tsx';
import { companyPages } from './pages/company/index.tsx';
import { cbpPages } from './pages/cbp/index.tsx';
import type { PageRoute } from './pages/page-route.ts';
import { PageTitle } from './components/layout.tsx';

/**
 * The password reset is the one page that checks its form in the browser with react-hook-form and
 * the API's request schemas (decision 87): about 60 KB that no other page needs, so it is a second
 * script fetched when that page opens (decision 89), and every other page's first script is smaller.
 */
const ForgotPassword = lazy(() =>
  import('./pages/auth/forgot-password.tsx').then((page) => ({ default: page.ForgotPassword })),
);

const NotFoundPage = () => (
  <>
    <PageTitle>Page not found</PageTitle>
    <p>There is no page at this address. Use the navigation above.</p>
  </>
);

/** A page the signed-in user's role does not use: who does, instead of "Page not found". */
const RefusedPage = ({ refusal }: { refusal: NonNullable<PageRoute['refusal']> }) => (
  <>
    <PageTitle>{refusal.title}</PageTitle>
    <p>{refusal.text}</p>
  </>
);

/**
 * The portal's pages. Signed-out visitors see the sign-in pages; company users the
 * participant area; CBP staff the staff area under /cbp. The API checks every call again:
 * hiding a page is convenience, not security.
 */
export const App = () => {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading)
    return (
      <Layout nav={[]} signingIn>
        <Loading what="Signing you in" />
      </Layout>
    );

  if (!me) {
    return (
      <Layout nav={[]}>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route
            path="/forgot-password"
            element={
              <Suspense fallback={<Loading />}>
                <ForgotPassword />
              </Suspense>
            }
          />
          <Route path="/request-account" element={<RequestAccount />} />
          <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname }} />} />
        </Routes>
      </Layout>
    );
  }

  const staff = me.company.status === 'cbp';
  const area = staff ? cbpPages : companyPages;
  const pages: readonly PageRoute[] = area.filter((p) => !p.roles || p.roles.includes(me.role));
  const refused = area.filter((p) => p.refusal && !pages.includes(p));
  // A removed company's pages that the API refuses stay reachable (they say why) but leave the navigation.
  const removed = me.company.status === 'removed';
  const nav = pages
    .filter((p) => p.nav && !(removed && p.activeCompanyOnly))
    .map((p) => ({ to: p.path, label: p.nav! }));
  const home = staff ? '/cbp' : '/';
  // A primary POC whose deployment requires a second factor sets up an app before anything else.
  if (!staff && me.mfaRequired && !me.mfaEnrolled)
    return (
      <Layout nav={[]}>
        <Routes>
          <Route path="/mfa" element={<MfaSetup />} />
          <Route path="*" element={<Navigate to="/mfa" replace />} />
        </Routes>
      </Layout>
    );
  return (
    <Layout nav={nav}>
      <Routes>
        {pages.map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
        {refused.map((p) => (
          <Route key={p.path} path={p.path} element={<RefusedPage refusal={p.refusal!} />} />
        ))}
        <Route path="/sign-in" element={<Navigate to={home} replace />} />
        {staff ? <Route path="/" element={<Navigate to="/cbp" replace />} /> : null}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
};
