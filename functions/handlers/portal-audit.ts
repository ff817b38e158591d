import { portalAudit as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { PortalAuditQuery } from '../schemas/requests/sharing.ts';
import { systemClock } from '../domain/clock.ts';
import { portalTrail } from '../domain/audit-trail.ts';
import * as auditStore from '../data/audit-store.ts';
import * as directory from '../data/directory-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { clock: systemClock, auditTrail: auditStore, directory, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await portalTrail(deps, caller, parseQuery(PortalAuditQuery, event))),
);
