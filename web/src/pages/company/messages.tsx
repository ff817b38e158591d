import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, MorePages } from '../../components/data.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, SubmitButton, Success, TextArea, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useMe, usePaged } from './shared.tsx';

const THREAD_COLUMNS: Columns<ResponseOf<'listThreads'>['items'][number]> = [
  {
    header: 'Subject',
    cell: (t) => (
      <>
        <Link to={`/messages/${t.threadId}`}>{t.subject}</Link>
        {t.unread > 0 ? <strong> (new)</strong> : null}
      </>
    ),
  },
  {
    header: 'Started',
    cell: (t) => (
      <>
        <DateText iso={t.startedAt} /> by {t.startedBySide === 'cbp' ? 'CBP' : 'your company'}
      </>
    ),
  },
  { header: 'Last message', cell: (t) => <DateText iso={t.lastMessageAt} withTime /> },
  { header: 'Messages', numeric: true, cell: (t) => t.messageCount },
  { header: 'Unread', numeric: true, cell: (t) => t.unread },
];

/** Secure threads between the company and CBP; the email notices never carry their content. */
export const Messages = () => {
  const me = useMe();
  const { api } = useSession();
  const navigate = useNavigate();
  const companyId = me.company.companyId;
  const list = usePaged(['listThreads', companyId], (cursor) =>
    api.call('listThreads', { path: { companyId }, query: { cursor, limit: 25 } }),
  );
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const submit = useSubmit(async () => {
    const thread = await api.call('startThread', { path: { companyId }, body: { subject: subject.trim(), body } });
    navigate(`/messages/${thread.threadId}`, { state: { sent: true } });
  });
  return (
    <>
      <PageTitle lead="Secure messages between your company and CBP. Email only tells you that a new message is waiting here.">
        Messages
      </PageTitle>
      <Async state={list.page} what="Loading messages">
        {() =>
          list.items.length === 0 ? (
            <Empty>No messages yet.</Empty>
          ) : (
            <DataTable
              label="Threads"
              caption="Threads, most recent first"
              columns={THREAD_COLUMNS}
              rows={list.items}
              rowKey={(t) => t.threadId}
            />
          )
        }
      </Async>
      <MorePages list={list} />
      <section>
        <h2 id="new-thread-heading">Write to CBP</h2>
        <ErrorSummary error={submit.error} />
        <form className="form" noValidate onSubmit={submit.onSubmit}>
          <TextField
            label="Subject"
            required
            maxLength={200}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            error={submit.fieldError('subject')}
          />
          <TextArea
            label="Message"
            required
            rows={6}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={submit.fieldError('body')}
          />
          <SubmitButton busy={submit.busy}>Send message</SubmitButton>
        </form>
      </section>
    </>
  );
};

/** One thread, oldest message first, with the reply form. */
export const Thread = () => {
  const { threadId = '' } = useParams();
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const [round, setRound] = useState(0);
  const list = usePaged(['listMessages', companyId, threadId, round], (cursor) =>
    api.call('listMessages', { path: { companyId, threadId }, query: { cursor, limit: 50 } }),
  );
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string>();
  const submit = useSubmit(async () => {
    setSent(undefined);
    await api.call('postMessage', { path: { companyId, threadId }, body: { body } });
    setBody('');
    setSent('Your message was sent.');
    setRound((r) => r + 1);
  });
  const thread = list.page.data?.thread;
  return (
    <>
      {thread ? (
        <PageTitle lead="Secure message thread with CBP">{thread.subject}</PageTitle>
      ) : list.page.error ? (
        <PageTitle>Message thread</PageTitle>
      ) : null}
      <p>
        <Link to="/messages">Back to messages</Link>
      </p>
      <Async state={list.page} what="Loading the thread">
        {() => (
          <>
            <ol className="message-list">
              {list.items.map((m) => (
                <li key={m.messageId} className={`message${m.authorSide === 'cbp' ? ' message--cbp' : ''}`}>
                  <p className="message__meta">
                    <strong>{m.authorName}</strong> ({m.authorSide === 'cbp' ? 'CBP' : me.company.legalName}),{' '}
                    <DateText iso={m.sentAt} withTime />
                  </p>
                  <p className="message__body">{m.body}</p>
                </li>
              ))}
            </ol>
            <MorePages list={list} />
            <section>
              <h2 id="reply-heading">Reply</h2>
              <ErrorSummary error={submit.error} />
              <Success message={sent} />
              <form className="form" noValidate onSubmit={submit.onSubmit}>
                <TextArea
                  label="Message"
                  required
                  rows={6}
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                  error={submit.fieldError('body')}
                />
                <SubmitButton busy={submit.busy}>Send message</SubmitButton>
              </form>
            </section>
          </>
        )}
      </Async>
    </>
  );
};
