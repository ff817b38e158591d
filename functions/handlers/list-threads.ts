import { listThreads as route } from '../definitions/routes/messages.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { ListQuery } from '../schemas/list-query.ts';
import { listThreads } from '../domain/messages.ts';
import * as messageStore from '../data/message-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { threads: messageStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) => {
  const query = parseQuery(ListQuery, event);
  return ok(await listThreads(deps, caller, pathParam(event, 'companyId', Id), query.cursor ?? null, query.limit));
});
