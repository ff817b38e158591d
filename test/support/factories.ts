import type { APIGatewayProxyEvent } from 'aws-lambda';
import { CBP_COMPANY_ID, isCbp, type Role } from '../../functions/definitions/roles.ts';
import type { Caller } from '../../functions/domain/caller.ts';
import type { Clock, Ids } from '../../functions/domain/clock.ts';

/** A caller as the handler wrapper would build it. */
export const callerFor = (
  role: Role,
  companyId = isCbp(role) ? CBP_COMPANY_ID : 'company-a',
  overrides: Partial<Caller> = {},
): Caller => ({
  userId: `user-${role}`,
  email: `${role}@example.com`,
  name: `Test ${role}`,
  role,
  companyId,
  permissions: { editProfile: role !== 'company-user', authorizeSharing: role === 'primary-poc' },
  company: isCbp(role)
    ? { companyId, legalName: 'U.S. Customs and Border Protection', status: 'cbp' }
    : { companyId, legalName: 'Company A', status: 'active' },
  sourceIp: '203.0.113.7',
  mfaEnrolled: isCbp(role),
  ...overrides,
});

export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
};

export const sequentialIds = (prefix = 'id'): Ids => {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
};

/** A REST proxy event as API Gateway sends it. */
export const apiEvent = (overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent =>
  ({
    resource: '/',
    path: '/',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { identity: { sourceIp: '203.0.113.7' } } as APIGatewayProxyEvent['requestContext'],
    ...overrides,
  }) as APIGatewayProxyEvent;
