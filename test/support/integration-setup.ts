/**
 * Runs before each integration test file: points the SDK at the emulators and gives the file
 * a table of its own, so files run in parallel without seeing each other's items.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, handlerEnv } from '../../lib/local/bootstrap.ts';

const backends = inject('backends');
const tableName = `test-${randomUUID()}`;
Object.assign(process.env, handlerEnv(backends.env, backends.resources, 'http://127.0.0.1:0'), {
  TABLE_NAME: tableName,
});
const dynamo = new DynamoDBClient({});
await ensureTable(dynamo, tableName);
dynamo.destroy();
