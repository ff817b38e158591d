import { authedHandler } from '../http/authed-handler.ts';
import { pathParam } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { Id } from '../schemas/common.ts';
import { getAccountInfo } from '../domain/profiles.ts';
import * as profiles from '../data/profiles.ts';

export const handler = authedHandler('getAccountInfo', async (event, caller) => ok(await getAccountInfo({ profiles }, caller, pathParam(event, 'companyId', Id))));
