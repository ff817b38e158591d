/**
 * The local IAM stand-in's decisions (`lib/local/iam.ts`), which read the same action table the
 * stack writes into each role (`lib/iam-actions.ts`); `test/integration/local-iam.test.ts` shows
 * the same refusals through the portal's clients.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../lib/local/iam.ts';
import { GRANTED_ACTIONS } from '../../lib/iam-actions.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { ROUTES, type Access, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';

const READ: Access[] = ['table:read'];
const READ_WRITE: Access[] = ['table:read', 'table:write'];
const allows = (
  access: readonly Access[],
  service: 'dynamodb' | 'cognito-idp' | 'ses' | 's3',
  command: string,
  input = {},
) => refusalOf(access, service, command, input) === undefined;

describe('the local IAM stand-in', () => {
  it('gives table:read the reads IAM grants it, and no write', () => {
    for (const command of ['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems'])
      expect(allows(READ, 'dynamodb', command), command).toBe(true);
    for (const command of ['PutItem', 'UpdateItem', 'DeleteItem'])
      expect(refusalOf(READ, 'dynamodb', command, {})).toMatch(`dynamodb:${command} because no identity-based policy`);
    // table:write alone grants no read, as in the stack.
    expect(allows(['table:write'], 'dynamodb', 'GetItem')).toBe(false);
  });

  it('grants nobody a Scan, a batch write or PartiQL, whatever they declare', () => {
    const everything: Access[] = ['table:read', 'table:write', 'cognito:invite', 'cognito:manage', 'email:send'];
    for (const command of ['Scan', 'BatchWriteItem', 'ExecuteStatement', 'DescribeTable'])
      expect(allows(everything, 'dynamodb', command), command).toBe(false);
  });

  it("holds a transaction to each item's own action", () => {
    const check = { ConditionCheck: { Key: { pk: 'A', sk: 'B' } } };
    const put = { Put: { Item: { pk: 'A', sk: 'C' } } };
    expect(allows(READ, 'dynamodb', 'TransactWriteItems', { TransactItems: [check] })).toBe(true);
    expect(refusalOf(READ, 'dynamodb', 'TransactWriteItems', { TransactItems: [check, put] })).toMatch(
      'dynamodb:PutItem',
    );
    expect(allows(['table:write'], 'dynamodb', 'TransactWriteItems', { TransactItems: [check, put] })).toBe(true);
    expect(allows(['table:write'], 'dynamodb', 'TransactGetItems', { TransactItems: [{ Get: {} }] })).toBe(false);
  });

  it('denies updating or deleting an audit record to every function, marshalled or not, and lets one be appended', () => {
    const audit = 'COMPANY#c1#AUDIT';
    for (const Key of [
      { pk: audit, sk: 'x' },
      { pk: { S: audit }, sk: { S: 'x' } },
    ]) {
      expect(refusalOf(READ_WRITE, 'dynamodb', 'UpdateItem', { Key })).toMatch('explicit deny');
      expect(refusalOf(READ_WRITE, 'dynamodb', 'DeleteItem', { Key })).toMatch('explicit deny');
      expect(refusalOf(READ_WRITE, 'dynamodb', 'TransactWriteItems', { TransactItems: [{ Update: { Key } }] })).toMatch(
        'explicit deny',
      );
    }
    expect(allows(READ_WRITE, 'dynamodb', 'PutItem', { Item: { pk: audit, sk: 'x' } })).toBe(true);
    for (const pk of ['COMPANY#c1', 'COMPANY#c1#AUDIT#2', 'AUDIT#2006-01-01'])
      expect(allows(READ_WRITE, 'dynamodb', 'UpdateItem', { Key: { pk, sk: 'x' } }), pk).toBe(true);
  });

  it("holds Cognito's admin calls to the access that grants each, and its public calls to a function with the pool's ids", () => {
    expect(allows(['cognito:invite'], 'cognito-idp', 'AdminCreateUser')).toBe(true);
    expect(allows(['cognito:manage'], 'cognito-idp', 'AdminCreateUser')).toBe(false);
    expect(allows(['cognito:manage'], 'cognito-idp', 'AdminDisableUser')).toBe(true);
    expect(allows(['cognito:auth'], 'cognito-idp', 'AdminGetUser')).toBe(false);
    // Public (token- or session-authorized): no IAM, but the pool's ids come with a cognito: access only.
    expect(allows(['cognito:auth'], 'cognito-idp', 'InitiateAuth')).toBe(true);
    expect(allows(['cognito:invite'], 'cognito-idp', 'RevokeToken')).toBe(true);
    expect(refusalOf(READ, 'cognito-idp', 'InitiateAuth', {})).toMatch('cognito: access');
  });

  it('lets email:send make bulk sends only, the one SES action the stack grants', () => {
    expect(allows(['email:send'], 'ses', 'SendBulkEmail')).toBe(true);
    expect(allows(['email:send'], 'ses', 'SendEmail')).toBe(false);
    expect(allows(READ_WRITE, 'ses', 'SendBulkEmail')).toBe(false);
  });

  it('refuses every route an SES send: email goes out through the outbox, off the request path', () => {
    for (const route of ROUTES as readonly RouteDefinition[])
      expect(refusalOf(route.access, 'ses', 'SendBulkEmail', {}), route.id).toMatch('ses:SendBulkEmail');
  });

  it("lets exports:write make a multipart upload, abort it and sign a GET, each as IAM names it, and nothing else S3's", () => {
    for (const command of [
      'PutObject',
      'CreateMultipartUpload',
      'UploadPart',
      'CompleteMultipartUpload',
      'AbortMultipartUpload',
      'GetObject',
      'HeadObject',
    ])
      expect(allows(['exports:write'], 's3', command), command).toBe(true);
    for (const command of ['DeleteObject', 'ListObjectsV2', 'ListParts', 'PutObjectAcl', 'PutBucketPolicy'])
      expect(allows(['exports:write'], 's3', command), command).toBe(false);
    const everythingElse: Access[] = ['table:read', 'table:write', 'table:stream', 'cognito:manage', 'email:send'];
    for (const command of ['PutObject', 'UploadPart', 'GetObject'])
      expect(allows(everythingElse, 's3', command), command).toBe(false);
    // The export route alone declares it.
    const writers = (ROUTES as readonly RouteDefinition[]).filter((r) => r.access.includes('exports:write'));
    expect(writers.map((r) => r.id)).toEqual(['exportCompany']);
  });

  it('lets archive:write put an object and nothing else of S3: no delete, retention or legal-hold change, no read', () => {
    expect(allows(['archive:write'], 's3', 'PutObject')).toBe(true);
    for (const command of [
      'DeleteObject',
      'DeleteObjects',
      'DeleteObjectVersion',
      'PutObjectRetention',
      'PutObjectLegalHold',
      'BypassGovernanceRetention',
      'GetObject',
      'HeadObject',
      'ListObjectVersions',
      'PutBucketVersioning',
      'PutObjectLockConfiguration',
    ])
      expect(refusalOf(['archive:write'], 's3', command, {}), command).toMatch(/^not authorized to perform: s3:/);
    // Whatever a function declares, no access grants these.
    const everything = Object.keys(GRANTED_ACTIONS) as Access[];
    for (const command of ['DeleteObject', 'DeleteObjectVersion', 'PutObjectRetention', 'PutObjectLegalHold'])
      expect(allows(everything, 's3', command), command).toBe(false);
  });

  it("lets table:stream read the table's stream, which nothing else may, and read no item", () => {
    for (const command of ['DescribeStream', 'GetShardIterator', 'GetRecords'])
      expect(allows(['table:stream'], 'dynamodb', command), command).toBe(true);
    expect(allows(['table:stream'], 'dynamodb', 'GetItem')).toBe(false);
    const everythingElse: Access[] = ['table:read', 'table:write', 'cognito:invite', 'cognito:manage', 'email:send'];
    expect(allows(everythingElse, 'dynamodb', 'GetRecords')).toBe(false);
    for (const consumer of STREAM_CONSUMERS)
      expect(consumer.access).toContain(consumer.source === 'table' ? 'table:stream' : 'table:changes');
  });

  it("lets table:changes read the table's Kinesis data stream, and nothing of the table itself", () => {
    // No local Kinesis: what IAM grants is the list, and locally its reads stand on DynamoDB Local's stream.
    const granted: readonly string[] = GRANTED_ACTIONS['table:changes'];
    expect(granted.every((action) => action.startsWith('kinesis:'))).toBe(true);
    for (const action of ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'])
      expect(granted, action).toContain(action);
    for (const action of ['kinesis:PutRecord', 'kinesis:PutRecords', 'kinesis:DeleteStream'])
      expect(granted, action).not.toContain(action);
    for (const command of ['GetItem', 'GetRecords', 'Query'])
      expect(allows(['table:changes'], 'dynamodb', command), command).toBe(false);
  });
});

describe('what runs under the stand-in', () => {
  it('runs jobs, event handlers and stream consumers in the tests only as their functions, never by importing the module', () => {
    // The stand-in's own test runs the email sender with less access on purpose.
    const exempt = new Set(['test/integration/local-iam.test.ts']);
    const direct =
      /(?<!typeof )import\(\s*[`'"][^`'"]*functions\/(jobs|events|streams)\/|^import (?!type )[^;]*from '[^']*functions\/(jobs|events|streams)\//m;
    const offenders = ['test/integration', 'test/e2e', 'test/support']
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((file) => `${dir}/${file}`))
      .filter((file) => file.endsWith('.ts') && !exempt.has(file))
      .filter((file) => direct.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders, 'run them through test/support/functions.ts').toEqual([]);
  });
});
