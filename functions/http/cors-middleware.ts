import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { requireEnv } from '../clients/env.ts';
import { CORS_EXPOSE_HEADERS, parseAllowedOrigins } from '../definitions/api-headers.ts';

/** Origins the web client is served from (comma-separated), in AWS and locally; never a wildcard. */
const ALLOWED_ORIGINS = parseAllowedOrigins(requireEnv('ALLOWED_ORIGINS'));

/**
 * One job: echo an allowed `Origin` on every answer, success or error, so the browser lets the
 * web client read it (API Gateway answers only the preflight itself), with the headers it may read
 * beyond the safelisted ones (Retry-After).
 */
export const corsMiddleware = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const addHeaders = async (request: { event: APIGatewayProxyEvent; response: APIGatewayProxyResult | null }) => {
    const origin = Object.entries(request.event?.headers ?? {}).find(([name]) => name.toLowerCase() === 'origin')?.[1];
    if (!request.response) return;
    // The answer depends on the Origin header, allowed or not.
    request.response.headers = { ...request.response.headers, Vary: 'Origin' };
    if (!origin || !ALLOWED_ORIGINS.includes(origin)) return;
    request.response.headers = {
      ...request.response.headers,
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS.join(','),
    };
  };
  return { after: addHeaders, onError: addHeaders };
};
