/**
 * Runs before each integration test file: points the SDK at the emulators and gives the file
 * a table of its own, so files run in parallel without seeing each other's items. After the
 * file, no call may have been refused by the local IAM stand-in, not even one a handler swallowed.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, expect, inject } from 'vitest';
import { ensureTable, handlerEnv } from '../../lib/local/bootstrap.ts';
import { takeRefusals } from '../../lib/local/iam.ts';

const backends = inject('backends');
const tableName = `test-${randomUUID()}`;
Object.assign(process.env, handlerEnv(backends.env, backends.resources, 'http://127.0.0.1:0'), {
  TABLE_NAME: tableName,
});
const dynamo = new DynamoDBClient({});
await ensureTable(dynamo, tableName);
dynamo.destroy();

afterAll(() => {
  expect(
    takeRefusals().map((r) => r.message),
    'calls the local IAM stand-in refused (declare the access in the route, job or event table)',
  ).toEqual([]);
});
