import { listDeadlines as route } from '../definitions/routes/deadlines.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { ok } from '../http/response.ts';
import * as deadlines from '../domain/deadlines.ts';
import * as deadlineStore from '../data/deadline-store.ts';

const deps = { deadlines: deadlineStore };

export const handler = authedHandler(route, async () => ok(await deadlines.list(deps)));
