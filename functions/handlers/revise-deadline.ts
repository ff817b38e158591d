import { authedHandler } from '../http/authed-handler.ts';
import { parseBody, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { CategoryParam, ReviseDeadline } from '../schemas/deadlines.ts';
import { base } from '../domain/deps.ts';
import * as deadlines from '../domain/deadlines.ts';
import * as deadlineData from '../data/deadlines.ts';

const deps = { ...base, deadlines: deadlineData };

export const handler = authedHandler('reviseDeadline', async (event, caller) =>
  ok(
    await deadlines.revise(deps, caller, pathParam(event, 'category', CategoryParam), parseBody(ReviseDeadline, event)),
  ),
);
