import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { requireEnv } from '../clients/env.ts';

/** Origins the web client is served from (comma-separated; `*` locally). */
const ALLOWED_ORIGINS = requireEnv('ALLOWED_ORIGINS').split(',').map((o) => o.trim());

/**
 * One job: echo an allowed `Origin` on every answer, success or error, so the browser lets the
 * web client read it (API Gateway answers only the preflight itself).
 */
export const corsMiddleware = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const addHeaders = async (request: { event: APIGatewayProxyEvent; response: APIGatewayProxyResult | null }) => {
    const origin = Object.entries(request.event?.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
    if (!request.response || !origin) return;
    if (!ALLOWED_ORIGINS.includes('*') && !ALLOWED_ORIGINS.includes(origin)) return;
    request.response.headers = { ...request.response.headers, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  };
  return { after: addHeaders, onError: addHeaders };
};
