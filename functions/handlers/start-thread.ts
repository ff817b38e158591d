import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { created } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { StartThread } from '../schemas/messages.ts';
import { messageDeps } from '../domain/message-deps.ts';
import { startThread } from '../domain/messages.ts';

export const handler = authedHandler('startThread', async (event, caller) => {
  const companyId = pathParam(event, 'companyId', Id);
  const thread = await startThread(messageDeps, caller, companyId, parseBody(StartThread, event));
  return created(thread, `/companies/${companyId}/threads/${thread.threadId}/messages`);
});
