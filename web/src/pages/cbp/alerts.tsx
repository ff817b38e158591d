/**
 * Cargo security alerts and sanitized intelligence: the publish form and every alert. A cargo
 * alert goes out at once; sanitized intelligence waits for a second CBP person's approval (the
 * API refuses the author's own approval, and the page shows its refusal).
 */
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { ApiError, type ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, MoreButton, MorePages } from '../../components/data.tsx';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  Success,
  SubmitButton,
  TextArea,
  TextField,
  useSubmit,
} from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import type { CategoryId } from '../../../../functions/definitions/categories.ts';
import { endOfProgramDay } from '../../../../functions/definitions/program-time.ts';
import { listCompanies } from './contract.ts';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { ALERT_KINDS, CATEGORY_OPTIONS, alertKindName, useAction, usePaged } from './shared.tsx';
import { PublishConfirmation, type PublishInput, type Reach } from './publish-confirmation.tsx';
import { SEVERITY_NAMES, type Severity, SeverityText } from '../../components/severity.tsx';
import { Alert } from '../../components/alert.tsx';

type AlertSummary = ResponseOf<'listAlerts'>['items'][number];
type Kind = ResponseOf<'publishAlert'>['kind'];
type Scope = 'all' | 'categories' | 'companies';

const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 'low', label: SEVERITY_NAMES.low },
  { value: 'medium', label: SEVERITY_NAMES.medium },
  { value: 'high', label: `${SEVERITY_NAMES.high} (stays on inboxes until acknowledged)` },
  { value: 'critical', label: `${SEVERITY_NAMES.critical} (stays on inboxes until acknowledged)` },
];

const ALERT_COLUMNS: Columns<AlertSummary> = [
  { header: 'Title', cell: (a) => <Link to={`/cbp/alerts/${a.alertId}`}>{a.title}</Link> },
  { header: 'Kind', cell: (a) => alertKindName(a.kind) },
  { header: 'Severity', className: 'nowrap', cell: (a) => <SeverityText severity={a.severity} /> },
];

/**
 * Named companies as checkboxes, from the company list (a page at a time); if the list cannot be
 * read, company ids can still be typed, one a line.
 */
const CompanyPicker = ({
  selected,
  onChange,
  error,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) => {
  const { api } = useSession();
  const list = usePaged(['listCompanies', 'limit', 100], (cursor) => listCompanies(api, { cursor, limit: 100 }));
  if (list.state.error) {
    return (
      <TextArea
        label="Company ids"
        hint="The company list could not be read: type one company id per line (from the company's record page). Named companies receive the alert even if removed."
        value={selected.join('\n')}
        onChange={(e) => onChange(e.target.value.split(/[\s,]+/).filter(Boolean))}
        error={error}
      />
    );
  }
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">Companies</legend>
      <p className="usa-hint">Named companies receive the alert even if they were removed from the program.</p>
      {error ? <p className="usa-error-message">{error}</p> : null}
      <Async state={list.state} what="Loading companies">
        {(items) =>
          items.length ? (
            <div className="check-group">
              {items.map((c) => (
                <CheckboxField
                  key={c.companyId}
                  label={`${c.legalName}${c.status === 'removed' ? ' (removed)' : ''}`}
                  checked={selected.includes(c.companyId)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked ? [...selected, c.companyId] : selected.filter((id) => id !== c.companyId),
                    )
                  }
                />
              ))}
            </div>
          ) : (
            <Empty>No company is enrolled yet.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={list.cursor} onMore={() => void list.more()} busy={list.busy} />
    </fieldset>
  );
};

/** What the page asks of a publication before the reach: the fields the API would refuse empty, in the page's words. */
const checkFilled = (title: string, body: string) => {
  const missing = [
    ...(title.trim() ? [] : [{ field: 'title', message: 'Give the alert a title.' }]),
    ...(body.trim() ? [] : [{ field: 'body', message: 'Write the message.' }]),
  ];
  if (missing.length) throw new ApiError(400, 'validation', 'Complete the alert before publishing it.', missing);
};

const PublishForm = ({ onPublished }: { onPublished: (alert: ResponseOf<'publishAlert'>) => void }) => {
  const { api } = useSession();
  const [kind, setKind] = useState<Kind>('cargo-security-alert');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [scope, setScope] = useState<Scope>('all');
  const [categories, setCategories] = useState<string[]>([]);
  const [companyIds, setCompanyIds] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [pending, setPending] = useState<{ input: PublishInput; reach: Reach } | undefined>();
  const [cancelled, setCancelled] = useState<string | undefined>();
  const publishButton = useRef<HTMLDivElement>(null);

  // First the reach, counted by the API for this audience; nothing goes out until it is confirmed.
  const check = useSubmit(async () => {
    setCancelled(undefined);
    checkFilled(title, body);
    const audience =
      scope === 'all'
        ? { scope: 'all' as const }
        : scope === 'categories'
          ? { scope: 'categories' as const, categories: categories as CategoryId[] }
          : { scope: 'companies' as const, companyIds };
    const reach = await api.call('alertReach', { body: { audience } });
    setPending({
      input: { kind, title, body, severity, audience, ...(expiresOn ? { expiresAt: endOfProgramDay(expiresOn) } : {}) },
      reach,
    });
  });
  const publish = useSubmit(async () => {
    if (!pending) return;
    try {
      const alert = await api.call('publishAlert', { body: pending.input });
      setTitle('');
      setBody('');
      setCategories([]);
      setCompanyIds([]);
      setExpiresOn('');
      onPublished(alert);
    } finally {
      setPending(undefined);
    }
  });
  const cancel = () => {
    setPending(undefined);
    setCancelled('Not published: nothing was sent. The alert is still in the form.');
    publishButton.current?.querySelector('button')?.focus();
  };
  const error = publish.error ?? check.error;
  const fieldError = (field: string) => error?.fieldError(field);
  const submit = { onSubmit: check.onSubmit, error, fieldError, busy: check.busy || publish.busy };

  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
        options={ALERT_KINDS}
        error={submit.fieldError('kind')}
        hint={
          kind === 'sanitized-intelligence'
            ? 'Goes out only after a second CBP officer approves it.'
            : 'Goes out to the audience at once.'
        }
      />
      <TextField
        label="Title"
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={submit.fieldError('title')}
      />
      <TextArea
        label="Message"
        required
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={submit.fieldError('body')}
        hint="Emails say only that there is an alert and where to read it; the message stays in the portal."
      />
      <SelectField
        label="Severity"
        value={severity}
        onChange={(e) => setSeverity(e.target.value as Severity)}
        options={SEVERITIES}
        error={submit.fieldError('severity')}
      />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Audience</legend>
        {(
          [
            ['all', 'Every active participant'],
            ['categories', 'Active participants in some categories'],
            ['companies', 'Named companies'],
          ] as const
        ).map(([value, label]) => (
          <div className="usa-radio" key={value}>
            <input
              id={`audience-${value}`}
              className="usa-radio__input"
              type="radio"
              name="audience"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
            />
            <label className="usa-radio__label" htmlFor={`audience-${value}`}>
              {label}
            </label>
          </div>
        ))}
        {submit.fieldError('audience') ? <p className="usa-error-message">{submit.fieldError('audience')}</p> : null}
      </fieldset>
      {scope === 'categories' ? (
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Categories</legend>
          {submit.fieldError('audience.categories') ? (
            <p className="usa-error-message">{submit.fieldError('audience.categories')}</p>
          ) : null}
          <div className="check-group">
            {CATEGORY_OPTIONS.map((c) => (
              <CheckboxField
                key={c.value}
                label={c.label}
                checked={categories.includes(c.value)}
                onChange={(e) =>
                  setCategories((current) =>
                    e.target.checked ? [...current, c.value] : current.filter((v) => v !== c.value),
                  )
                }
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {scope === 'companies' ? (
        <CompanyPicker
          selected={companyIds}
          onChange={setCompanyIds}
          error={submit.fieldError('audience.companyIds')}
        />
      ) : null}
      <TextField
        label="Expires on (optional)"
        type="date"
        hint="The alert leaves inboxes after this day, Eastern time."
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
        error={submit.fieldError('expiresAt')}
      />
      {cancelled ? (
        <Alert type="info" role="status">
          <p>{cancelled}</p>
        </Alert>
      ) : null}
      <div ref={publishButton}>
        <SubmitButton busy={submit.busy}>Publish alert</SubmitButton>
      </div>
      <PublishConfirmation
        pending={pending}
        busy={publish.busy}
        onConfirm={() => void publish.onSubmit()}
        onCancel={cancel}
      />
    </form>
  );
};

export const Alerts = () => {
  const { api } = useSession();
  const list = usePaged(['listAlerts'], (cursor) => api.call('listAlerts', { query: { cursor } }));
  const approve = useAction();
  const [done, setDone] = useState<string | undefined>();

  return (
    <>
      <PageTitle lead="Send cargo security alerts and sanitized intelligence to participants' portal inboxes; every active user of the companies reached gets an email that there is one.">
        Alerts
      </PageTitle>
      <Success message={done} />
      <section aria-labelledby="publish">
        <h2 id="publish">Publish an alert</h2>
        <Alert type="info">
          <p>
            <strong>Cargo security alerts</strong> go out to their audience as soon as you publish them.
          </p>
          <p>
            <strong>Sanitized intelligence</strong> needs a second CBP officer's approval: it waits in the list below
            until someone other than its author approves it.
          </p>
        </Alert>
        <PublishForm
          onPublished={(alert) => {
            setDone(
              alert.status === 'published'
                ? `"${alert.title}" is published.`
                : `"${alert.title}" is waiting for a second officer's approval.`,
            );
            list.state.reload();
          }}
        />
      </section>
      <section className="cbp-section" aria-labelledby="all-alerts">
        <h2 id="all-alerts">All alerts</h2>
        <ErrorSummary error={approve.error} />
        <Async state={list.state} what="Loading alerts">
          {(items) =>
            items.length === 0 ? (
              <Empty>No alerts yet.</Empty>
            ) : (
              <DataTable
                label="All alerts"
                caption="All alerts, newest first"
                className="cbp-wide"
                columns={[
                  ...ALERT_COLUMNS,
                  {
                    header: 'Status',
                    cell: (a: AlertSummary) =>
                      a.status === 'awaiting-approval' ? (
                        <>
                          <span>Awaiting approval</span>{' '}
                          <button
                            type="button"
                            className="usa-button usa-button--outline"
                            disabled={approve.busy}
                            onClick={() =>
                              void approve.run(async () => {
                                setDone(undefined);
                                const approved = await api.call('approveAlert', { path: { alertId: a.alertId } });
                                setDone(`"${approved.title}" is approved and published.`);
                                list.state.reload();
                              })
                            }
                          >
                            Approve
                          </button>
                        </>
                      ) : (
                        'Published'
                      ),
                  },
                  {
                    header: 'Published',
                    className: 'nowrap',
                    cell: (a: AlertSummary) => (a.publishedAt ? <DateText iso={a.publishedAt} withTime /> : '—'),
                  },
                ]}
                rows={items}
                rowKey={(a) => a.alertId}
              />
            )
          }
        </Async>
        <MorePages list={list} />
      </section>
    </>
  );
};
