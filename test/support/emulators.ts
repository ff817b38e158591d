/**
 * The emulators' supervisors as a test sees them: they run in the global setup's process, which
 * writes each emulator's process, state and restarts to a state file (`lib/local/emulators.ts`).
 * A test kills or pauses an emulator by its process id and reads the file to see it come back.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { TABLE_NAME } from '../../functions/clients/dynamodb.ts';
import { TABLE } from '../../functions/definitions/table.ts';
import type { EmulatorName } from '../../lib/local/emulators.ts';
import type { SupervisedState } from '../../lib/local/supervisor.ts';

export interface EmulatorStatus {
  readonly pid: number;
  readonly state: SupervisedState;
  readonly restarts: number;
}

export const emulatorStatus = (name: EmulatorName): EmulatorStatus => {
  const all = JSON.parse(readFileSync(inject('backends').emulatorsFile, 'utf8')) as Record<
    EmulatorName,
    EmulatorStatus
  >;
  return all[name];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `accept` holds for the emulator's status; fails naming the last one seen. */
export const waitForEmulator = async (
  name: EmulatorName,
  accept: (status: EmulatorStatus) => boolean,
  timeoutMs = 60_000,
): Promise<EmulatorStatus> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = emulatorStatus(name);
    if (accept(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`${name} did not reach the state asked for in ${timeoutMs / 1000} s: ${JSON.stringify(status)}`);
    await sleep(50);
  }
};

/**
 * Resolves once DynamoDB Local has committed every transaction it acknowledged before the call.
 * It answers TransactWriteItems before committing it: its `SQLiteDBAccess.commitTransaction` puts
 * the COMMIT on its one SQLite thread and returns without waiting, so a SIGKILL a millisecond after
 * the answer rolls the transaction back at the restart (DynamoDB never loses a write it
 * acknowledged; docs/emulators.md). That thread runs its jobs in order, so a read answered after
 * an acknowledgment comes after its COMMIT. The key is one nothing writes.
 */
const dynamodbCommitted = async (): Promise<void> => {
  const client = new DynamoDBClient({});
  try {
    const key = { S: 'test#commit-barrier' };
    await client.send(
      new GetItemCommand({
        TableName: TABLE_NAME,
        Key: { [TABLE.partitionKey]: key, [TABLE.sortKey]: key },
        ConsistentRead: true,
      }),
    );
  } finally {
    client.destroy();
  }
};

/** What must be done before an emulator is killed so that the kill loses only what its service could lose. */
const beforeKill: Partial<Record<EmulatorName, () => Promise<void>>> = { dynamodb: dynamodbCommitted };

/**
 * Kills the emulator (SIGKILL, as an OOM kill would) and waits until its supervisor sees it die.
 * DynamoDB Local is killed right after its acknowledged transactions are committed (above).
 */
export const killEmulator = async (name: EmulatorName): Promise<EmulatorStatus> => {
  const before = emulatorStatus(name);
  if (before.state !== 'up') throw new Error(`${name} is not up before the kill: ${JSON.stringify(before)}`);
  await beforeKill[name]?.();
  process.kill(before.pid, 'SIGKILL');
  await waitForEmulator(name, (s) => s.state !== 'up' || s.pid !== before.pid);
  return before;
};

/** Waits until the supervisor has started the emulator again (and put back what it kept in memory). */
export const waitForRestart = (name: EmulatorName, before: EmulatorStatus): Promise<EmulatorStatus> =>
  waitForEmulator(name, (s) => s.state === 'up' && s.pid !== before.pid && s.restarts === before.restarts + 1);

/** Pauses the emulator (SIGSTOP) until the returned function resumes it (SIGCONT). */
export const pauseEmulator = (name: EmulatorName): (() => void) => {
  const { pid } = emulatorStatus(name);
  process.kill(pid, 'SIGSTOP');
  return () => process.kill(pid, 'SIGCONT');
};
