import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Route, SecurityEventKind } from '../definitions/routes/types.ts';
import { HttpError } from '../errors.ts';
import { logger } from '../log.ts';
import { sourceIp } from './request.ts';

/** The statuses that are a refusal of a caller, whatever the route (issue 20 item 3). */
const REFUSALS = new Set([401, 403, 404, 429]);

/** `refused`: a request turned away; `failure`: a security action that did not succeed; `challenged`: a sign-in asked for more. */
export type SecurityOutcome = 'success' | 'challenged' | 'failure' | 'refused';

const parsed = (body: string | null | undefined): Record<string, unknown> => {
  try {
    const value = JSON.parse(body ?? '');
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
};

/**
 * Who acted: the verified token's subject, or (on the routes that sign in, where there is no
 * token yet) the address the request names, lower-cased as the portal keeps it.
 */
const subjectOf = (event: APIGatewayProxyEvent): { subject: string; companyId?: string } => {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, string | undefined>;
  if (claims.sub) return { subject: claims.sub, companyId: claims['custom:companyId'] };
  const email = parsed(event.body).email;
  return { subject: typeof email === 'string' ? email.trim().toLowerCase() : 'anonymous' };
};

const write = (
  kind: SecurityEventKind | 'request',
  outcome: SecurityOutcome,
  event: APIGatewayProxyEvent,
  route: Route | undefined,
  status: number,
  reason?: string,
) => {
  const fields = {
    securityEvent: kind,
    outcome,
    ...subjectOf(event),
    sourceIp: sourceIp(event),
    route: route?.id ?? `${event.httpMethod} ${event.resource}`,
    status,
    ...(reason ? { reason } : {}),
  };
  if (outcome === 'success' || outcome === 'challenged') logger.info('security event', fields);
  else logger.warn('security event', fields);
};

/**
 * One structured line per security event, for the alarms and an investigator: every refused
 * request (401, 403, 404, 429) on any route, and each sign-in, sign-out, password reset and
 * second-factor change with its outcome (a route's `securityEvent` says which it is). Nothing of
 * the request's content but the address a sign-in names; never a password, code or token.
 */
export const securityEvents = (route?: Route): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  after: (request) => {
    const kind = route?.securityEvent;
    if (!kind || !request.response) return;
    const challenged = kind === 'sign-in' && 'challenge' in parsed(request.response.body);
    write(kind, challenged ? 'challenged' : 'success', request.event, route, request.response.statusCode);
  },
  onError: (request) => {
    const error = request.error;
    if (!(error instanceof HttpError)) return;
    const kind = route?.securityEvent;
    if (kind && error.status < 500) write(kind, 'failure', request.event, route, error.status, error.code);
    else if (REFUSALS.has(error.status)) write('request', 'refused', request.event, route, error.status, error.code);
  },
});
