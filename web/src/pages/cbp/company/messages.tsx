/** The company's message threads, and a new thread started by CBP. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { Async, DateText, Empty, MoreButton } from '../../../components/data.tsx';
import { ErrorSummary, SubmitButton, TextArea, TextField, useSubmit } from '../../../components/form.tsx';
import { usePaged } from '../shared.tsx';
import { Alert } from '../../../components/alert.tsx';

type Company = ResponseOf<'getCompany'>;

/** `company` may still be loading: the threads are read meanwhile (the form needs only its name). */
export const ThreadsSection = ({ companyId, company }: { companyId: string; company: Company | undefined }) => {
  const { api } = useSession();
  const threads = usePaged(['listThreads', companyId], (cursor) =>
    api.call('listThreads', { path: { companyId }, query: { cursor } }),
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
      <h3>Start a thread with {company?.legalName ?? 'this company'}</h3>
      {started ? (
        <Alert type="success" role="status">
          <p>
            The thread is started.{' '}
            <Link to={`/cbp/companies/${companyId}/messages/${started.threadId}`}>Open “{started.subject}”</Link>
          </p>
        </Alert>
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
