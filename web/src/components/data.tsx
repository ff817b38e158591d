import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { daysBetween, programDate, spelledDate } from '../../../functions/definitions/program-time.ts';
import { Alert } from './alert.tsx';

export const Loading = ({ what = 'Loading' }: { what?: string }) => (
  <p className="loading" role="status">
    {what}…
  </p>
);

export const LoadError = ({ error, retry }: { error: ApiError; retry?: () => void }) => (
  <Alert type="error" role="alert">
    <p>{error.message}</p>
    {retry ? (
      <button type="button" className="usa-button usa-button--outline" onClick={retry}>
        Try again
      </button>
    ) : null}
  </Alert>
);

/**
 * Renders `children(data)` once loaded, with the loading and error states in between. While a
 * loaded list reloads (new filters, after a change) the old data stays, under a status saying it
 * is loading, so nobody mistakes it for the answer to the new question.
 */
export const Async = <T,>({
  state,
  children,
  what,
}: {
  state: { data: T | undefined; error: ApiError | undefined; loading?: boolean; reload(): void };
  children: (data: T) => ReactNode;
  what?: string;
}) => {
  if (state.error) return <LoadError error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <Loading what={what} />;
  return (
    <>
      {state.loading ? <Loading what={what} /> : null}
      <div aria-busy={state.loading ? true : undefined}>{children(state.data)}</div>
    </>
  );
};

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  removed: 'Removed',
  applicant: 'Applicant',
  certified: 'Certified',
  validated: 'Validated',
  suspended: 'Suspended',
  cbp: 'CBP',
};

/** A company or item status: text first (never colour alone). */
export const StatusBadge = ({ status }: { status: string }) => (
  <span className={`badge badge--${status}`}>{STATUS_LABELS[status] ?? status.replaceAll('-', ' ')}</span>
);

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/**
 * A date (`2006-07-01`), or the day of an instant in program time (Washington, where the
 * program's dates are kept); with the time, an instant as the audit trail records it, in UTC.
 */
export const DateText = ({ iso, withTime = false }: { iso: string | undefined | null; withTime?: boolean }) =>
  iso ? (
    <time dateTime={iso}>{withTime ? dateTimeFormat.format(new Date(iso)) : spelledDate(iso)}</time>
  ) : (
    <span>—</span>
  );

/**
 * Days left until a due date, in program days as the reminders count them, against the portal's
 * date (the API's clock, which the local demo moves), not the browser's: `now` is passed in.
 */
export const Countdown = ({ due, now, label }: { due: string; now: string; label: string }) => {
  const days = daysBetween(programDate(now), programDate(due));
  const text =
    days > 1 ? `${days} days left` : days === 1 ? '1 day left' : days === 0 ? 'Due today' : `${-days} days overdue`;
  return (
    <div className={`countdown${days < 0 ? ' countdown--overdue' : days <= 30 ? ' countdown--soon' : ''}`}>
      <p className="countdown__label">{label}</p>
      <p className="countdown__days">{text}</p>
      <p className="countdown__date">
        Due <DateText iso={due} />
      </p>
    </div>
  );
};

/** "Show more" for the API's cursor-paged lists. */
export const MoreButton = ({
  cursor,
  onMore,
  busy,
}: {
  cursor: string | null | undefined;
  onMore: () => void;
  busy?: boolean;
}) =>
  cursor ? (
    <button type="button" className="usa-button usa-button--outline" onClick={onMore} disabled={busy}>
      Show more
    </button>
  ) : null;

/** An empty list says so in words. */
export const Empty = ({ children }: { children: ReactNode }) => <p className="empty">{children}</p>;

/** The end of a paged list: the error of the last "Show more", if any, and the button while there is more. */
export const MorePages = ({
  list,
}: {
  list: { cursor: string | null; more: () => Promise<void>; busy: boolean; moreError: ApiError | undefined };
}) => (
  <>
    {list.moreError ? <LoadError error={list.moreError} /> : null}
    <MoreButton cursor={list.cursor} onMore={() => void list.more()} busy={list.busy} />
  </>
);
