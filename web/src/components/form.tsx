/**
 * Form parts with the accessibility a federal site needs (Section 508 / WCAG 2.1 AA): every
 * control has a visible label, an error is tied to its control with aria-describedby and
 * aria-invalid, and a failed submit announces a summary in an alert region and moves focus to it.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client.ts';
import { Alert } from './alert.tsx';
import { asApiError } from './use-load.ts';

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string;
}

const described = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A USWDS form group: label, hint, error message, then the control. */
const FieldFrame = ({ id, label, hint, error, children }: FieldProps & { id: string; children: ReactNode }) => (
  <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
    <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
      {label}
    </label>
    {hint ? (
      <div className="usa-hint" id={`${id}-hint`}>
        {hint}
      </div>
    ) : null}
    {error ? (
      <span className="usa-error-message" id={`${id}-error`}>
        {error}
      </span>
    ) : null}
    {children}
  </div>
);

/** A control's USWDS class, with its error state. */
const control = (base: string, error: string | undefined, extra: string | undefined) =>
  [base, error ? `${base}--error` : '', extra ?? ''].filter(Boolean).join(' ');

export const TextField = ({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) => {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={control('usa-input', error, className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
};

export const TextArea = ({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) => {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={control('usa-textarea', error, className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        rows={4}
        {...input}
      />
    </FieldFrame>
  );
};

export const SelectField = ({
  label,
  error,
  hint,
  options,
  className,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) => {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={control('usa-select', error, className)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

export const CheckboxField = ({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: string; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) => {
  const id = useId();
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <div className="usa-checkbox">
        <input
          id={id}
          type="checkbox"
          className="usa-checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={described(id, hint, error)}
          {...input}
        />
        <label className="usa-checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <div className="usa-hint portal-check-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
};

/**
 * The error summary: announced, focused, and listing each field's message. `fieldName` turns
 * the API's field path (`contacts.0.phone`) into the words of the form ("Contact 1: Phone").
 */
export const ErrorSummary = ({
  error,
  fieldName,
}: {
  error: ApiError | undefined;
  fieldName?: (field: string) => string | undefined;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div className="usa-alert usa-alert--error usa-alert--slim" role="alert" tabIndex={-1} ref={ref}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          {fieldName && error.details.length > 0 ? 'Correct what is marked below, then try again:' : error.message}
        </p>
        {error.details.length > 0 ? (
          <ul>
            {error.details.map((d) => (
              <li key={`${d.field}:${d.message}`}>
                {d.field ? `${fieldName?.(d.field) ?? d.field}: ${d.message}` : d.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
};

export const Success = ({ message }: { message: string | undefined }) =>
  message ? (
    <Alert type="success" role="status">
      <p className="usa-alert__text">{message}</p>
    </Alert>
  ) : null;

/**
 * Submit handling for a form: runs `action`, keeps the API error for the summary and the
 * field-level messages, and disables the submit button while it runs; after a success every
 * cached read is stale, so no page shows what was there before the change.
 */
export const useSubmit = <T,>(action: () => Promise<T>) => {
  const queries = useQueryClient();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return undefined;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await action();
      // Every cached read goes stale: the next page to show one reads it again. The page itself
      // keeps what it shows (its editor and its message), and refreshes what it chooses.
      void queries.invalidateQueries({ refetchType: 'none' });
      return answer;
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit, fieldError: (field: string) => error?.fieldError(field), setError };
};

export const SubmitButton = ({ busy, children }: { busy: boolean; children: ReactNode }) => (
  <button type="submit" className="usa-button" disabled={busy} aria-busy={busy || undefined}>
    {busy ? 'Working…' : children}
  </button>
);
