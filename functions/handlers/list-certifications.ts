import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { listCertifications } from '../domain/certifications.ts';
import * as profiles from '../data/profiles.ts';
import * as companies from '../data/company-store.ts';

export const handler = authedHandler('listCertifications', async (event, caller) =>
  ok(await listCertifications({ profiles, companies }, caller, pathParam(event, 'companyId', Id))),
);
