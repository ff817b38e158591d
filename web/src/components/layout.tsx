import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import close from 'uswds-dist/img/usa-icons/close.svg';
import { useSession } from '../api/session.tsx';
import { GovBanner } from './gov-banner.tsx';
import { SessionTimeoutWatch } from './session-timeout-dialog.tsx';

export interface NavItem {
  readonly to: string;
  readonly label: string;
}

/**
 * The page frame, in the U.S. Web Design System's markup: a skip link, the official U.S.
 * government banner, the extended header (the portal's name, the signed-in user and Sign out,
 * the navigation for the user's role), one main landmark and the agency identifier. Below
 * USWDS's desktop width the navigation folds behind a Menu button, so on a phone the header is
 * one line; the menu closes on Escape, on the overlay and on every route change, and returns
 * focus to the Menu button. While signed in, the idle and absolute session limits with their
 * warning. On every route change focus moves to the page heading (see PageTitle).
 */
export const Layout = ({
  nav,
  signingIn = false,
  children,
}: {
  nav: readonly NavItem[];
  /** While a stored session is being resumed: the navigation's row is drawn empty, so nothing moves when it fills. */
  signingIn?: boolean;
  children: ReactNode;
}) => {
  const { me, signOut, signedInAt } = useSession();
  const menu = useMobileMenu();
  const hasMenu = nav.length > 0 || me !== undefined;
  return (
    <>
      <a className="usa-skipnav" href="#main">
        Skip to main content
      </a>
      <GovBanner />
      <div className={`usa-overlay${menu.open ? ' is-visible' : ''}`} onClick={menu.hide} aria-hidden="true" />
      <header className="usa-header usa-header--extended">
        <div className="usa-navbar">
          <div className="usa-logo">
            <em className="usa-logo__text">
              <Link to="/">C-TPAT Portal</Link>
            </em>
            <span className="portal-agency">U.S. Customs and Border Protection</span>
          </div>
          {hasMenu ? (
            <button type="button" className="usa-menu-btn" ref={menu.button} onClick={menu.show}>
              Menu
            </button>
          ) : null}
        </div>
        {hasMenu ? (
          <nav aria-label="Portal" className={`usa-nav${menu.open ? ' is-visible' : ''}`} onKeyDown={menu.onKeyDown}>
            <div className="usa-nav__inner">
              <button type="button" className="usa-nav__close" ref={menu.close} onClick={menu.hide}>
                <img src={close} alt="Close" />
              </button>
              <ul className="usa-nav__primary usa-accordion">
                {nav.map((item) => (
                  <li key={item.to} className="usa-nav__primary-item">
                    <NavLink
                      to={item.to}
                      end={item.to === '/' || item.to === '/cbp'}
                      className={({ isActive }) => `usa-nav-link${isActive ? ' usa-current' : ''}`}
                    >
                      <span>{item.label}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
              {me ? (
                <div className="usa-nav__secondary">
                  <ul className="usa-nav__secondary-links">
                    <li className="usa-nav__secondary-item portal-user">
                      {me.name} · {me.company.legalName}
                    </li>
                    <li className="usa-nav__secondary-item">
                      <button type="button" className="usa-button usa-button--unstyled" onClick={() => signOut()}>
                        Sign out
                      </button>
                    </li>
                  </ul>
                </div>
              ) : null}
            </div>
          </nav>
        ) : signingIn ? (
          <div className="usa-nav portal-nav-placeholder" aria-hidden="true">
            <div className="usa-nav__inner">
              <ul className="usa-nav__primary">
                <li className="usa-nav__primary-item">
                  <span className="usa-nav-link">&nbsp;</span>
                </li>
              </ul>
            </div>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="grid-container portal-main">
        {children}
      </main>
      {me && signedInAt !== undefined ? <SessionTimeoutWatch signedInAt={signedInAt} /> : null}
      <Identifier />
    </>
  );
};

/** The Menu button's panel below USWDS's desktop width (its script's behaviour, as React state). */
const useMobileMenu = () => {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const hide = () => {
    setOpen(false);
    button.current?.focus();
  };
  // A followed link closes the panel (the page heading then takes focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each route change by design
  useEffect(() => setOpen(false), [location.pathname]);
  // Before the panel is painted, so no keystroke lands behind it.
  useLayoutEffect(() => {
    document.body.classList.toggle('usa-js-mobile-nav--active', open);
    if (open) close.current?.focus();
  }, [open]);
  return {
    open,
    button,
    close,
    show: () => setOpen(true),
    hide,
    onKeyDown: (event: { key: string }) => {
      if (open && event.key === 'Escape') hide();
    },
  };
};

/** The agency identifier (usa-identifier): the agency, the portal's confidentiality promise, the required links. */
const Identifier = () => (
  <footer className="usa-identifier">
    <section className="usa-identifier__section usa-identifier__section--masthead" aria-label="Agency identifier">
      <div className="usa-identifier__container">
        <section className="usa-identifier__identity" aria-label="Agency description">
          <p className="usa-identifier__identity-domain">cbp.gov</p>
          <p className="usa-identifier__identity-disclaimer">
            An official website of{' '}
            <a href="https://www.cbp.gov/" className="usa-link">
              U.S. Customs and Border Protection
            </a>
            . Information you provide in the C-TPAT Portal is shared with other parties only when your company
            authorizes it.
          </p>
        </section>
      </div>
    </section>
    <nav className="usa-identifier__section usa-identifier__section--required-links" aria-label="Important links">
      <div className="usa-identifier__container">
        <ul className="usa-identifier__required-links-list">
          {REQUIRED_LINKS.map(([label, href]) => (
            <li key={href} className="usa-identifier__required-links-item">
              <a href={href} className="usa-identifier__required-link usa-link">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
    <section
      className="usa-identifier__section usa-identifier__section--usagov"
      aria-label="U.S. government information and services"
    >
      <div className="usa-identifier__container">
        <div className="usa-identifier__usagov-description">Looking for U.S. government information and services?</div>{' '}
        <a href="https://www.usa.gov/" className="usa-link">
          Visit USA.gov
        </a>
      </div>
    </section>
  </footer>
);

const REQUIRED_LINKS: readonly (readonly [string, string])[] = [
  ['About CBP', 'https://www.cbp.gov/about'],
  ['Accessibility statement', 'https://www.cbp.gov/site-policy-notices/accessibility'],
  ['FOIA requests', 'https://www.cbp.gov/site-policy-notices/foia'],
  ['No FEAR Act data', 'https://www.cbp.gov/about/no-fear-act'],
  ['Office of the Inspector General', 'https://www.oig.dhs.gov/'],
  ['Privacy policy', 'https://www.cbp.gov/site-policy-notices/privacy-policy'],
];

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
