import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useSession } from '../api/session.tsx';
import { GovBanner } from './gov-banner.tsx';
import { SessionTimeoutWatch } from './session-timeout-dialog.tsx';

export interface NavItem {
  readonly to: string;
  readonly label: string;
}

/**
 * The page frame: a skip link, the official U.S. government banner, the header with the
 * signed-in user, the navigation for the user's role and one main landmark; while signed in,
 * the idle and absolute session limits with their warning. On every route change focus moves to the page heading
 * (see PageTitle), so screen-reader users hear where they are.
 */
export const Layout = ({ nav, children }: { nav: readonly NavItem[]; children: ReactNode }) => {
  const { me, signOut, signedInAt } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <GovBanner />
      <header className="banner">
        <div className="banner__inner">
          <p className="banner__title">
            <span className="banner__agency">U.S. Customs and Border Protection</span>
            <span className="banner__product">C-TPAT Portal</span>
          </p>
          {me ? (
            <div className="banner__user">
              <span>
                {me.name} · {me.company.legalName}
              </span>
              <button type="button" className="button button--link" onClick={() => signOut()}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
        {nav.length > 0 ? (
          <nav aria-label="Portal" className="nav">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/' || item.to === '/cbp'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {me && signedInAt !== undefined ? <SessionTimeoutWatch signedInAt={signedInAt} /> : null}
      <footer className="footer">
        <p>
          C-TPAT Communications Portal. Information you provide is shared with other parties only when your company
          authorizes it.
        </p>
      </footer>
    </>
  );
};

/** The page's one h1, also the document title; focused when the page opens. */
export const PageTitle = ({ children, lead }: { children: string; lead?: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${children} · C-TPAT Portal`;
    ref.current?.focus();
  }, [children, location.pathname]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
};
