/**
 * The deliberate step before an alert goes out: a modal dialog with what the audience reaches
 * now (companies and users, counted by the API as the fan-out delivers) and the choice to confirm
 * or cancel. Focus moves into it; Escape and Cancel publish nothing.
 */
import { useEffect, useRef } from 'react';
import type { CallArgs, ResponseOf } from '../../api/client.ts';
import { severityName } from '../../components/severity.tsx';
import { alertKindName, categoryName } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

export type PublishInput = NonNullable<CallArgs<'publishAlert'>['body']>;
export type Reach = ResponseOf<'alertReach'>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The audience in words, as the confirmation names it. */
const audienceWords = (audience: PublishInput['audience']): string =>
  audience.scope === 'all'
    ? 'every active participant'
    : audience.scope === 'categories'
      ? `the active participants in ${audience.categories.map(categoryName).join('; ')}`
      : count(audience.companyIds.length, 'named company', 'named companies');

export const PublishConfirmation = ({
  pending,
  busy,
  onConfirm,
  onCancel,
}: {
  pending: { readonly input: PublishInput; readonly reach: Reach } | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (pending && !element.open) {
      element.showModal();
      // Focus starts on the question, not on Confirm: a stray Enter publishes nothing.
      heading.current?.focus();
    }
    if (!pending && element.open) element.close();
  }, [pending]);

  const bulletin = pending?.input.kind === 'sanitized-intelligence';
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog usa-modal"
      aria-labelledby="publish-confirm-title"
      aria-describedby="publish-confirm-reach"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {pending ? (
        <>
          <h2 id="publish-confirm-title" ref={heading} tabIndex={-1}>
            {bulletin ? 'Submit this bulletin for approval?' : 'Publish this alert to its audience?'}
          </h2>
          <p>
            {alertKindName(pending.input.kind)}, {severityName(pending.input.severity)} severity: "{pending.input.title}
            ", to {audienceWords(pending.input.audience)}.
          </p>
          <p id="publish-confirm-reach" className="reach">
            {bulletin ? 'Once a second officer approves it, it reaches' : 'It reaches'}{' '}
            <strong data-reach="companies">{count(pending.reach.companies, 'company', 'companies')}</strong> and{' '}
            <strong data-reach="users">{count(pending.reach.users, 'user', 'users')}</strong> now; each of those users
            gets an email that there is an alert.
          </p>
          {pending.reach.companies === 0 ? (
            <Alert type="warning">
              <p>This audience reaches no company at the moment.</p>
            </Alert>
          ) : null}
          <div className="actions">
            <button type="button" className="usa-button" disabled={busy} onClick={onConfirm}>
              {busy ? 'Working…' : bulletin ? 'Confirm: submit for approval' : 'Confirm: publish alert'}
            </button>
            <button type="button" className="usa-button usa-button--outline" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
};
