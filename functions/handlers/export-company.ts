import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { base } from '../domain/deps.ts';
import { exportCompany } from '../domain/export.ts';
import * as profiles from '../data/profiles.ts';
import * as messages from '../data/message-store.ts';
import * as grants from '../data/grant-store.ts';
import * as auditTrail from '../data/audit-store.ts';

export const handler = authedHandler('exportCompany', async (event, caller) =>
  ok(
    await exportCompany({ ...base, profiles, messages, grants, auditTrail }, caller, pathParam(event, 'companyId', Id)),
  ),
);
