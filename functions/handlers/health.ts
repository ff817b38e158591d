import { publicHandler } from '../http/public-handler.ts';
import { ok } from '../http/response.ts';

export const handler = publicHandler(async () => ok({ status: 'ok' }));
