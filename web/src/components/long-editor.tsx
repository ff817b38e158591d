/**
 * What a long editor (the Account Information, the Security Profile) needs so that saving works
 * where the user is: links to its sections, a save bar that stays in view at the bottom of the
 * window with the result announced and focused in it, and a warning before leaving with changes
 * not saved (closing or reloading the tab, or following a link inside the portal).
 */
import { type ReactNode, useEffect, useRef } from 'react';

/** Links to the editor's sections (`id`s of their headings), each with what is left to do when given. */
export const SectionNav = ({
  label,
  sections,
}: {
  label: string;
  sections: readonly { id: string; title: string; note?: string }[];
}) => (
  <nav aria-label={label} className="section-nav">
    <ul>
      {sections.map((s) => (
        <li key={s.id}>
          <a href={`#${s.id}`}>{s.title}</a>
          {s.note ? <span className="section-nav__note"> ({s.note})</span> : null}
        </li>
      ))}
    </ul>
  </nav>
);

/**
 * The form's submit button and its outcome, pinned to the bottom of the window while the form is
 * on screen. A new result (`saved`) is announced and takes the focus, so it is seen and heard
 * where the user pressed Save, not at the top of a page scrolled away.
 */
export const SaveBar = ({
  saved,
  dirty,
  children,
}: {
  saved: string | undefined;
  dirty: boolean;
  children: ReactNode;
}) => {
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  return (
    <div className="save-bar">
      {children}
      <p className="save-bar__status" role="status" tabIndex={-1} ref={status}>
        {saved && !dirty ? <span className="save-bar__saved">{saved}</span> : dirty ? 'Changes not saved yet.' : null}
      </p>
    </div>
  );
};

const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page and lose them?';

/**
 * While `dirty`, asks before the page is left: the browser's own question when the tab is closed
 * or reloaded, and the same question (the browser's confirmation dialog) when a link inside the
 * portal is followed; a link to a place on the same page (a section) is not leaving.
 */
export const useUnsavedChangesWarning = (dirty: boolean): void => {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      const samePage = to.pathname === window.location.pathname && to.search === window.location.search;
      if (to.origin !== window.location.origin || (samePage && to.hash)) return;
      if (window.confirm(LEAVE_QUESTION)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    // In the capture phase, before the router's own link handling.
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
};
