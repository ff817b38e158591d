import { exportCompany as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { systemClock, uuidIds } from '../domain/clock.ts';
import { exportCompany } from '../domain/export.ts';
import * as profileStore from '../data/profile-store.ts';
import * as messageStore from '../data/message-store.ts';
import * as grantStore from '../data/grant-store.ts';
import * as auditStore from '../data/audit-store.ts';
import * as exportFiles from '../data/export-files.ts';

const deps = {
  clock: systemClock,
  ids: uuidIds,
  profiles: profileStore,
  messages: messageStore,
  grants: grantStore,
  auditTrail: auditStore,
  files: exportFiles,
};

export const handler = authedHandler(route, async (event, caller) =>
  ok(await exportCompany(deps, caller, pathParam(event, 'companyId', Id))),
);
