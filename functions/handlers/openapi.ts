import { publicHandler } from '../http/public-handler.ts';
import { ok } from '../http/response.ts';
import { openApiDocument } from '../openapi.ts';

// Built once per cold start from the route table's zod schemas.
const document = openApiDocument();

export const handler = publicHandler(async () => ok(document));
