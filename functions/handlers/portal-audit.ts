import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { PortalAuditQuery } from '../schemas/sharing.ts';
import { base } from '../domain/deps.ts';
import { portalTrail } from '../domain/audit-trail.ts';
import * as auditTrail from '../data/audit-store.ts';

export const handler = authedHandler('portalAudit', async (event, caller) =>
  ok(await portalTrail({ ...base, auditTrail }, caller, parseQuery(PortalAuditQuery, event))),
);
