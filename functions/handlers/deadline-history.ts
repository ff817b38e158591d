import { deadlineHistory as route } from '../definitions/routes/deadlines.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { CategoryParam } from '../schemas/requests/deadlines.ts';
import * as deadlines from '../domain/deadlines.ts';
import * as deadlineStore from '../data/deadline-store.ts';

const deps = { deadlines: deadlineStore };

export const handler = authedHandler(route, async (event) =>
  ok(await deadlines.history(deps, pathParam(event, 'category', CategoryParam))),
);
