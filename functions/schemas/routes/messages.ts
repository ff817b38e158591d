/** The request and response schemas of the routes in functions/definitions/routes/messages.ts, by route id. */
import { Id } from '../id.ts';
import { ListQuery } from '../list-query.ts';
import { MessagePage, Thread, ThreadMessage, ThreadPage } from '../messages.ts';
import { PostMessage, StartThread } from '../requests/messages.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { MESSAGES_ROUTES } from '../../definitions/routes/messages.ts';

export const MESSAGES_SCHEMAS = {
  listThreads: {
    pathParams: { companyId: Id },
    query: ListQuery,
    response: ThreadPage,
  },
  startThread: {
    pathParams: { companyId: Id },
    body: StartThread,
    example: {
      subject: 'Seal verification at the Dundalk warehouse',
      body: 'Our new seal log is attached to the profile; please confirm it meets the criteria.',
    },
    response: Thread,
  },
  listMessages: {
    pathParams: { companyId: Id, threadId: Id },
    query: ListQuery,
    response: MessagePage,
  },
  postMessage: {
    pathParams: { companyId: Id, threadId: Id },
    body: PostMessage,
    example: { body: 'Thank you; the log meets the criteria.' },
    response: ThreadMessage,
  },
} as const satisfies RouteSchemaTable<typeof MESSAGES_ROUTES>;
