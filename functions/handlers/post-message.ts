import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { PostMessage } from '../schemas/messages.ts';
import { messageDeps } from '../domain/message-deps.ts';
import { post } from '../domain/messages.ts';

export const handler = authedHandler('postMessage', async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const threadId = pathParam(event, 'threadId', Id);
  const { companyId: _c, ...message } = await post(
    messageDeps,
    caller,
    companyId,
    threadId,
    parseBody(PostMessage, event),
  );
  return created(message, `/companies/${companyId}/threads/${threadId}/messages`);
});
