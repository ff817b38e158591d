import { listMessages as route } from '../definitions/routes/messages.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { listMessages } from '../domain/messages.ts';
import * as messageStore from '../data/message-store.ts';

const deps = { threads: messageStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(
    await listMessages(
      deps,
      caller,
      pathParam(event, 'companyId', Id),
      pathParam(event, 'threadId', Id),
      query.cursor ?? null,
      query.limit,
    ),
  );
});
