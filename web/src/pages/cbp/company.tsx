/**
 * One company's full record for CBP: enrollment and standing (with the actions on it), account
 * information, security profile and its versions, certifications (with their review), users,
 * message threads, sharing grants and audit trail. Each section loads on its own, so one
 * refusal or slow read does not hide the rest. (Staff reads of the profile are audited.)
 */
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import {
  Async,
  Countdown,
  DateText,
  Empty,
  LoadError,
  Loading,
  MoreButton,
  StatusBadge,
  MorePages,
} from '../../components/data.tsx';
import {
  ErrorSummary,
  SelectField,
  Success,
  SubmitButton,
  TextArea,
  TextField,
  useSubmit,
} from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { ProfileVersionsTable } from '../../components/profile-versions.tsx';
import { StatementText } from '../../components/certification-words.tsx';
import { useLoad } from '../../components/use-load.ts';
import { SECTIONS } from '../../../../functions/definitions/criteria.ts';
import { CompanyActions } from './company-actions.tsx';
import { UsersSection } from './company-users.tsx';
import { Unreachable } from './unreachable.tsx';
import { AuditTable } from './audit.tsx';
import { IDENTIFIER_FIELDS } from './enroll.tsx';
import { TableWrap, categoryName, usePaged } from './shared.tsx';

type Company = ResponseOf<'getCompany'>;

const sectionTitle = (id: string) => SECTIONS.find((s) => s.id === id)?.title ?? id;
const questionText = (section: string, id: string) =>
  SECTIONS.find((s) => s.id === section)?.questions.find((q) => q.id === id)?.text ?? id;

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section className="cbp-section" aria-labelledby={id} id={`section-${id}`}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

/** A 404 here means "not filed yet", not a broken page. */
const NotYet = ({
  error,
  retry,
  text,
}: {
  error: Parameters<typeof LoadError>[0]['error'];
  retry: () => void;
  text: string;
}) => (error.status === 404 ? <Empty>{text}</Empty> : <LoadError error={error} retry={retry} />);

const Enrollment = ({ company, now }: { company: Company; now: string | undefined }) => (
  <dl className="record">
    <dt>Status</dt>
    <dd>
      <StatusBadge status={company.status} /> Benefits {company.benefits === 'active' ? 'in force' : 'revoked'}
    </dd>
    <dt>Category</dt>
    <dd>{categoryName(company.category)}</dd>
    <dt>Point of contact</dt>
    <dd>
      {company.pocName ? `${company.pocName}, ` : ''}
      {company.pocEmail} <Unreachable mark={company.pocUnreachable} who="POC" />
    </dd>
    <dt>Secondary contact</dt>
    <dd>
      {company.secondaryContact ? (
        <>
          {company.secondaryContact.name}, {company.secondaryContact.email}{' '}
          <Unreachable mark={company.secondaryUnreachable} who="Secondary contact" />
        </>
      ) : (
        'None named'
      )}
    </dd>
    {Object.entries(company.identifiers).map(([key, value]) => (
      <Fragment key={key}>
        <dt>{IDENTIFIER_FIELDS[key as keyof typeof IDENTIFIER_FIELDS]?.label ?? key}</dt>
        <dd>{value}</dd>
      </Fragment>
    ))}
    <dt>Company id</dt>
    <dd>
      <code>{company.companyId}</code>
    </dd>
    <dt>Enrolled</dt>
    <dd>
      <DateText iso={company.enrolledAt} />
    </dd>
    <dt>Portal update completed</dt>
    <dd>{company.portalUpdateCompletedAt ? <DateText iso={company.portalUpdateCompletedAt} /> : 'Not yet'}</dd>
    {company.deadlineExtendedTo ? (
      <>
        <dt>Deadline extended to</dt>
        <dd>
          <DateText iso={company.deadlineExtendedTo} />
        </dd>
      </>
    ) : null}
    <dt>Next certification due</dt>
    <dd>
      {company.nextCertificationDueAt ? <DateText iso={company.nextCertificationDueAt} /> : '—'}
      {company.certificationStatus ? ` (last: ${company.certificationStatus})` : ''}
    </dd>
    {company.removal ? (
      <>
        <dt>Removed</dt>
        <dd>
          <DateText iso={company.removal.at} />: {company.removal.reason.replaceAll('-', ' ')}
          {company.removal.note ? `. ${company.removal.note}` : ''}
        </dd>
      </>
    ) : null}
    {company.reinstatedAt ? (
      <>
        <dt>Reinstated</dt>
        <dd>
          <DateText iso={company.reinstatedAt} />
        </dd>
      </>
    ) : null}
    {company.reapplication ? (
      <>
        <dt>Reapplication</dt>
        <dd>
          {company.reapplication.status}, submitted <DateText iso={company.reapplication.submittedAt} />
          {company.reapplication.comments ? `. ${company.reapplication.comments}` : ''}
        </dd>
      </>
    ) : null}
    {now && company.status === 'active' && company.nextCertificationDueAt ? (
      <>
        <dt>Recertification</dt>
        <dd>
          <Countdown due={company.nextCertificationDueAt} now={now} label="Annual recertification" />
        </dd>
      </>
    ) : null}
  </dl>
);

const AccountInfoSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const info = useLoad(() => api.call('getAccountInfo', { path: { companyId } }), [companyId]);
  if (info.error)
    return (
      <NotYet error={info.error} retry={info.reload} text="The company has not entered its account information yet." />
    );
  if (!info.data) return <Loading what="Loading account information" />;
  const a = info.data;
  const address = (x: typeof a.headquarters) =>
    [x.line1, x.line2, x.city, x.region, x.postalCode, x.country].filter(Boolean).join(', ');
  return (
    <>
      <p>
        Version {a.version}, saved <DateText iso={a.updatedAt} withTime />.
      </p>
      <dl className="record">
        <dt>Headquarters</dt>
        <dd>{address(a.headquarters)}</dd>
        {Object.entries(a.identifiers).map(([key, value]) => (
          <Fragment key={key}>
            <dt>{IDENTIFIER_FIELDS[key as keyof typeof IDENTIFIER_FIELDS]?.label ?? key}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3>Contacts</h3>
      <ul>
        {a.contacts.map((c) => (
          <li key={c.email}>
            {c.name}, {c.title}: {c.email}, {c.phone}
          </li>
        ))}
      </ul>
      <h3>Facilities</h3>
      {a.facilities.length ? (
        <ul>
          {a.facilities.map((f) => (
            <li key={`${f.name}:${address(f.address)}`}>
              {f.name} ({f.kind}): {address(f.address)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No facilities listed.</Empty>
      )}
    </>
  );
};

const ProfileSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const profile = useLoad(() => api.call('getSecurityProfile', { path: { companyId } }), [companyId]);
  const versions = usePaged(
    (cursor) => api.call('listProfileVersions', { path: { companyId }, query: { cursor } }),
    [companyId],
  );
  return (
    <>
      <Async state={profile} what="Loading the profile">
        {(p) => (
          <>
            <p>
              {p.version === 0 ? (
                'Nothing saved yet.'
              ) : (
                <>
                  Version {p.version}, saved <DateText iso={p.savedAt} withTime />.
                </>
              )}{' '}
              {p.completeness.complete ? 'Complete: ' : 'Incomplete: '}
              {p.completeness.answered} of {p.completeness.required} required answers.
            </p>
            <progress
              className="progress"
              max={p.completeness.required || 1}
              value={p.completeness.answered}
              aria-label="Required answers given"
            >
              {p.completeness.answered} of {p.completeness.required}
            </progress>
            {p.completeness.missing.length ? (
              <details>
                <summary>{p.completeness.missing.length} required answers missing</summary>
                <ul>
                  {p.completeness.missing.map((m) => (
                    <li key={`${m.section}.${m.question}`}>
                      {sectionTitle(m.section)}: {m.text}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {p.version > 0 ? (
              <details>
                <summary>Answers of version {p.version}</summary>
                {Object.entries(p.answers).map(([section, answers]) => (
                  <div key={section}>
                    <h3>{sectionTitle(section)}</h3>
                    <dl className="record">
                      {Object.entries(answers).map(([q, value]) => (
                        <Fragment key={q}>
                          <dt>{questionText(section, q)}</dt>
                          <dd>{value === true ? 'Yes' : value === false ? 'No' : value}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </div>
                ))}
              </details>
            ) : null}
          </>
        )}
      </Async>
      <h3>Versions</h3>
      <Async state={versions.state} what="Loading versions">
        {(items) => (items.length ? <ProfileVersionsTable versions={items} /> : <Empty>No saved versions.</Empty>)}
      </Async>
      <MorePages list={versions} />
    </>
  );
};

type Certification = ResponseOf<'listCertifications'>['items'][number];

const ReviewForm = ({
  companyId,
  certification,
  onReviewed,
}: {
  companyId: string;
  certification: Certification;
  onReviewed: () => void;
}) => {
  const { api } = useSession();
  const [decision, setDecision] = useState<'approve' | 'return'>('approve');
  const [comments, setComments] = useState('');
  const submit = useSubmit(async () => {
    await api.call('reviewCertification', {
      path: { companyId, certificationId: certification.certificationId },
      body: { decision, ...(comments.trim() ? { comments } : {}) },
    });
    onReviewed();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>
        Review the certification of <DateText iso={certification.certifiedAt} />
      </h3>
      <p>
        Profile version {certification.profileVersion}. The primary point of contact stated:{' '}
        <StatementText certification={certification} />.
      </p>
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Review decision"
        value={decision}
        onChange={(e) => setDecision(e.target.value as typeof decision)}
        options={[
          { value: 'approve', label: 'Approve' },
          { value: 'return', label: 'Send back with comments' },
        ]}
      />
      <TextArea
        label="Review comments"
        hint="Required when sending it back."
        value={comments}
        onChange={(e) => setComments(e.target.value)}
        error={submit.fieldError('comments')}
      />
      <SubmitButton busy={submit.busy}>Record review</SubmitButton>
    </form>
  );
};

const CertificationsSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const list = useLoad(() => api.call('listCertifications', { path: { companyId } }), [companyId]);
  const [done, setDone] = useState<string | undefined>();
  return (
    <Async state={list} what="Loading certifications">
      {({ items }) => (
        <>
          <Success message={done} />
          {items.length === 0 ? (
            <Empty>The primary point of contact has not certified the profile yet.</Empty>
          ) : (
            <TableWrap label="Certifications">
              <table>
                <caption>Certifications, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Certified</th>
                    <th scope="col" className="num">
                      Profile version
                    </th>
                    <th scope="col">POC's statement</th>
                    <th scope="col">Next due</th>
                    <th scope="col">Review</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.certificationId}>
                      <td>
                        <DateText iso={c.certifiedAt} />
                      </td>
                      <td className="num">{c.profileVersion}</td>
                      <td>
                        <StatementText certification={c} />
                      </td>
                      <td>
                        <DateText iso={c.nextDueAt} />
                      </td>
                      <td>
                        {c.status}
                        {c.reviewedAt ? (
                          <>
                            , <DateText iso={c.reviewedAt} />
                          </>
                        ) : null}
                        {c.comments ? `: ${c.comments}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {items
            .filter((c) => c.status === 'submitted')
            .slice(0, 1)
            .map((c) => (
              <ReviewForm
                key={c.certificationId}
                companyId={companyId}
                certification={c}
                onReviewed={() => {
                  setDone('The review is recorded.');
                  list.reload();
                }}
              />
            ))}
        </>
      )}
    </Async>
  );
};

const ThreadsSection = ({ company }: { company: Company }) => {
  const { api } = useSession();
  const companyId = company.companyId;
  const threads = usePaged(
    (cursor) => api.call('listThreads', { path: { companyId }, query: { cursor } }),
    [companyId],
  );
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [started, setStarted] = useState<ResponseOf<'startThread'> | undefined>();
  const start = useSubmit(async () => {
    const thread = await api.call('startThread', { path: { companyId }, body: { subject, body } });
    setStarted(thread);
    setSubject('');
    setBody('');
    threads.state.reload();
  });
  return (
    <>
      <Async state={threads.state} what="Loading threads">
        {(items) =>
          items.length ? (
            <ul className="plain-list">
              {items.map((t) => (
                <li key={t.threadId} className="message">
                  <p className="message__meta">
                    {t.messageCount === 1 ? '1 message' : `${t.messageCount} messages`}, last{' '}
                    <DateText iso={t.lastMessageAt} withTime />
                    {t.unread ? `, ${t.unread} unread` : ''}
                  </p>
                  <Link to={`/cbp/companies/${companyId}/messages/${t.threadId}`}>{t.subject}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No message threads with this company.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={threads.cursor} onMore={() => void threads.more()} busy={threads.busy} />
      <h3>Start a thread with {company.legalName}</h3>
      {started ? (
        <div className="alert alert--success" role="status">
          <p>
            The thread is started.{' '}
            <Link to={`/cbp/companies/${companyId}/messages/${started.threadId}`}>Open “{started.subject}”</Link>
          </p>
        </div>
      ) : null}
      <ErrorSummary error={start.error} />
      <form onSubmit={start.onSubmit} noValidate className="form">
        <TextField
          label="Subject"
          required
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={start.fieldError('subject')}
        />
        <TextArea
          label="First message"
          required
          rows={5}
          hint="The company's users get an email that there is a new message, without its content."
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={start.fieldError('body')}
        />
        <SubmitButton busy={start.busy}>Start thread</SubmitButton>
      </form>
    </>
  );
};

const GrantsSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const grants = usePaged((cursor) => api.call('listGrants', { path: { companyId }, query: { cursor } }), [companyId]);
  return (
    <>
      <Async state={grants.state} what="Loading grants">
        {(items) =>
          items.length ? (
            <TableWrap label="Sharing grants">
              <table>
                <caption>What the company shares, and with whom</caption>
                <thead>
                  <tr>
                    <th scope="col">With</th>
                    <th scope="col">Scope</th>
                    <th scope="col">Until</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((g) => (
                    <tr key={g.grantId}>
                      <td>{g.granteeName}</td>
                      <td>{g.scope.replaceAll('-', ' ')}</td>
                      <td>
                        <DateText iso={g.expiresOn} />
                      </td>
                      <td>{g.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <Empty>The company shares nothing with anyone.</Empty>
          )
        }
      </Async>
      <MoreButton cursor={grants.cursor} onMore={() => void grants.more()} busy={grants.busy} />
    </>
  );
};

const CompanyAuditSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const trail = usePaged((cursor) => api.call('companyAudit', { path: { companyId }, query: { cursor } }), [companyId]);
  return (
    <>
      <Async state={trail.state} what="Loading the trail">
        {(items) =>
          items.length ? (
            <AuditTable items={items} caption="The company's audit trail, newest first" withCompany={false} />
          ) : (
            <Empty>No records.</Empty>
          )
        }
      </Async>
      <MorePages list={trail} />
    </>
  );
};

export const CompanyRecord = () => {
  const { companyId = '' } = useParams();
  const { api, me } = useSession();
  const loaded = useLoad(() => api.call('getCompany', { path: { companyId } }), [companyId]);
  const [company, setCompany] = useState<Company | undefined>();
  useEffect(() => setCompany(loaded.data), [loaded.data]);
  const shown = company ?? loaded.data;
  const { hash } = useLocation();
  const ready = Boolean(shown);
  // A link to one section (#section-messages from the Messages page) lands on it once the record is shown.
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);

  if (loaded.error) {
    return (
      <>
        <PageTitle>Company</PageTitle>
        <LoadError error={loaded.error} retry={loaded.reload} />
      </>
    );
  }
  if (!shown) return <Loading what="Loading the company" />;
  return (
    <>
      <PageTitle lead={<Link to="/cbp/companies">All companies</Link>}>{shown.legalName}</PageTitle>
      <nav aria-label="Sections of this record">
        <ul className="inline-list">
          {[
            ['enrollment', 'Enrollment'],
            ['account', 'Account information'],
            ['profile', 'Security profile'],
            ['certifications', 'Certifications'],
            ['users', 'Users'],
            ['messages', 'Messages'],
            ['grants', 'Sharing'],
            ['audit', 'Audit trail'],
          ].map(([id, label]) => (
            <li key={id}>
              <a href={`#section-${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="enrollment" title="Enrollment and standing">
        <Enrollment company={shown} now={me?.now} />
        <CompanyActions company={shown} onChanged={setCompany} />
      </Section>
      <Section id="account" title="Account information">
        <AccountInfoSection companyId={companyId} />
      </Section>
      <Section id="profile" title="Security profile">
        <ProfileSection companyId={companyId} />
      </Section>
      <Section id="certifications" title="Certifications">
        <CertificationsSection companyId={companyId} />
      </Section>
      <Section id="users" title="Users">
        <UsersSection companyId={companyId} />
      </Section>
      <Section id="messages" title="Messages">
        <ThreadsSection company={shown} />
      </Section>
      <Section id="grants" title="Sharing grants">
        <GrantsSection companyId={companyId} />
      </Section>
      <Section id="audit" title="Audit trail">
        <CompanyAuditSection companyId={companyId} />
      </Section>
    </>
  );
};
