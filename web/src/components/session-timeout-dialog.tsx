/**
 * The warning before a session ends on its own: a modal dialog (focus moves into it, Escape
 * and the button both keep the session) that says when, and why.
 */
import { useEffect, useRef } from 'react';
import { useSession } from '../api/session.tsx';
import { minutesLeft } from '../api/session-timeout.ts';
import { useSessionTimeout } from '../api/use-session-timeout.ts';

const plural = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

export const SessionTimeoutWatch = ({ signedInAt }: { signedInAt: number }) => {
  const { signOut } = useSession();
  const { warning, stay } = useSessionTimeout(signedInAt, signOut);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) element.showModal();
    if (!warning && element.open) element.close();
  }, [warning]);

  const minutes = warning ? plural(minutesLeft(warning.endsAt, Date.now())) : '';
  return (
    <dialog
      ref={dialog}
      className="timeout-dialog usa-modal"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-text"
      onCancel={(event) => {
        event.preventDefault();
        if (warning?.reason === 'idle') stay();
      }}
    >
      {warning ? (
        <>
          <h2 id="timeout-title">You will be signed out in {minutes}</h2>
          {warning.reason === 'idle' ? (
            <p id="timeout-text">
              The portal has not been used for a while. To protect your company's information you will be signed out
              unless you choose to stay.
            </p>
          ) : (
            <p id="timeout-text">
              Sessions last at most 12 hours. Save your work; you will need to sign in again to continue.
            </p>
          )}
          <div className="actions">
            {warning.reason === 'idle' ? (
              <button type="button" className="usa-button" onClick={stay} autoFocus>
                Stay signed in
              </button>
            ) : null}
            <button
              type="button"
              className={warning.reason === 'idle' ? 'usa-button usa-button--outline' : 'usa-button'}
              onClick={() => signOut()}
            >
              Sign out now
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
};
