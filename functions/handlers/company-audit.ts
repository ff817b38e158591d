import { companyAudit as route } from '../definitions/routes/sharing.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { AuditQuery } from '../schemas/requests/sharing.ts';
import { companyTrail } from '../domain/audit-trail.ts';
import * as auditStore from '../data/audit-store.ts';
import * as directory from '../data/directory-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { auditTrail: auditStore, companies: companyStore, directory };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await companyTrail(deps, caller, pathParam(event, 'companyId', Id), parseQuery(AuditQuery, event))),
);
