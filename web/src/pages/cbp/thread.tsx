/** One secure thread between a company and CBP: its messages, oldest first, and the reply. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { DateText, LoadError, Loading, MorePages } from '../../components/data.tsx';
import { ErrorSummary, Success, SubmitButton, TextArea, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { usePaged } from './shared.tsx';

export const ThreadPage = () => {
  const { companyId = '', threadId = '' } = useParams();
  const { api } = useSession();
  const company = useLoad(['getCompany', companyId], () => api.call('getCompany', { path: { companyId } }));
  const messages = usePaged(['listMessages', companyId, threadId], (cursor) =>
    api.call('listMessages', { path: { companyId, threadId }, query: { cursor } }),
  );
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<string | undefined>();
  const reply = useSubmit(async () => {
    await api.call('postMessage', { path: { companyId, threadId }, body: { body } });
    setBody('');
    setSent('Your message is sent. The company is told by email that there is a new message, without its content.');
    messages.state.reload();
  });
  const thread = messages.first?.thread;
  const companyName = company.data?.legalName ?? 'the company';

  return (
    <>
      {messages.state.error ? (
        <>
          <PageTitle>Message thread</PageTitle>
          <LoadError error={messages.state.error} retry={messages.state.reload} />
        </>
      ) : !thread ? (
        <Loading what="Loading the thread" />
      ) : (
        <>
          <PageTitle
            lead={
              <>
                With <Link to={`/cbp/companies/${companyId}`}>{companyName}</Link>. Started{' '}
                <DateText iso={thread.startedAt} withTime />.
              </>
            }
          >
            {thread.subject}
          </PageTitle>
          <ol className="plain-list" aria-label="Conversation, oldest first">
            {(messages.state.data ?? []).map((m) => (
              <li key={m.messageId} className={`message${m.authorSide === 'cbp' ? ' message--cbp' : ''}`}>
                <p className="message__meta">
                  {m.authorName} ({m.authorSide === 'cbp' ? 'CBP' : companyName}), <DateText iso={m.sentAt} withTime />
                </p>
                <p className="pre-wrap">{m.body}</p>
              </li>
            ))}
          </ol>
          <MorePages list={messages} />
          <h2>Reply</h2>
          <Success message={sent} />
          <ErrorSummary error={reply.error} />
          <form onSubmit={reply.onSubmit} noValidate className="form">
            <TextArea
              label="Message"
              required
              rows={5}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setSent(undefined);
              }}
              error={reply.fieldError('body')}
            />
            <SubmitButton busy={reply.busy}>Send message</SubmitButton>
          </form>
        </>
      )}
    </>
  );
};
