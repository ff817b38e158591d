/**
 * Runs before each integration test file: points the SDK at the emulators and gives the file
 * a table of its own, so files run in parallel without seeing each other's items, with a stream
 * poller on it that hands new outbox deliveries to their sender as Lambda would. After the file,
 * no call may have been refused by the local IAM stand-in, not even one a handler swallowed, and
 * the stream's consumers may have given up on no batch. Every answer the test API client received
 * must match the served /openapi.json (`contract.ts`): a test that received one that does not fails.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { ensureTable, handlerEnv } from '../../lib/local/bootstrap.ts';
import { takeRefusals } from '../../lib/local/iam.ts';
import { startStreamPoller } from '../../lib/local/stream-poller.ts';
import { useStreamPoller } from './stream.ts';
import { expectContractKept } from './contract.ts';

const backends = inject('backends');
const tableName = `test-${randomUUID()}`;
Object.assign(process.env, handlerEnv(backends.env, backends.resources, 'http://127.0.0.1:0'), {
  TABLE_NAME: tableName,
});
const dynamo = new DynamoDBClient({});
await ensureTable(dynamo, tableName);
dynamo.destroy();
const poller = await startStreamPoller({ tableName });
useStreamPoller(poller);

afterEach(expectContractKept);

afterAll(async () => {
  // What the file's last requests queued is sent before the run's email check reads every email.
  await Promise.race([poller.settled(), new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await poller.stop();
  expect(poller.takeGivenUp(), 'batches the stream consumers gave up on').toEqual([]);
  expect(
    takeRefusals().map((r) => r.message),
    'calls the local IAM stand-in refused (declare the access in the route, job, event or stream-consumer table)',
  ).toEqual([]);
  // Answers received outside a test (in a beforeAll or afterAll).
  expectContractKept();
});
