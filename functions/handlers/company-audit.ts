import { authedHandler } from '../http/authed-handler.ts';
import { parseQuery, pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { AuditQuery } from '../schemas/sharing.ts';
import { companyTrail } from '../domain/audit-trail.ts';
import * as auditTrail from '../data/audit-store.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('companyAudit', async (event, caller) =>
  ok(
    await companyTrail(
      { auditTrail, companies },
      caller,
      pathParam(event, 'companyId', Id),
      parseQuery(AuditQuery, event),
    ),
  ),
);
