import { authedHandler } from '../http/authed-handler.ts';
import { ok } from '../http/response.ts';
import * as deadlines from '../domain/deadlines.ts';
import * as deadlineData from '../data/deadlines.ts';

const deps = { deadlines: deadlineData };

export const handler = authedHandler('listDeadlines', async () => ok(await deadlines.list(deps)));
