import { listCertifications as route } from '../definitions/routes/profile.ts';
import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/id.ts';
import { listCertifications } from '../domain/certifications.ts';
import * as profileStore from '../data/profile-store.ts';
import * as companyStore from '../data/company-store.ts';

const deps = { profiles: profileStore, companies: companyStore };

export const handler = authedHandler(route, async (event, caller) =>
  ok(await listCertifications(deps, caller, pathParam(event, 'companyId', Id))),
);
