/**
 * Starts the emulators once for the whole run, on free loopback ports, with DynamoDB Local in
 * memory and Cognito's data in a temporary folder; stops them after. They run under the same
 * supervisors as `npm start`'s; the `recovery` project, whose tests kill them, gets its own set
 * with DynamoDB Local on disk (`-dbPath`), so a restart keeps its tables. Test files receive the
 * endpoints through `inject('backends')`. Before stopping them it checks every email the run sent
 * for confidential content the tests sent (`email-check.ts`), and a leak fails the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBackends } from '../../lib/local/runtime.ts';
import { PROGRAM_MAILBOX, type LocalResources } from '../../lib/local/bootstrap.ts';
import { checkEmailContent } from './email-check.ts';
import { EMULATORS_FILE } from '../../lib/local/emulators.ts';

export interface TestBackends {
  readonly env: Record<string, string>;
  readonly resources: LocalResources;
  readonly sesEndpoint: string;
  readonly dynamodbEndpoint: string;
  /** cognito-local's data file for the pool (it keeps password-reset codes there). */
  readonly cognitoPoolFile: string;
  /** The same for CBP staff's pool. */
  readonly staffPoolFile: string;
  /** Where workers record the confidential values they send, for the email-content check. */
  readonly confidentialDir: string;
  /** The SES emulator's process, which a test may pause (SIGSTOP) and resume (SIGCONT). */
  readonly sesPid: number;
  /**
   * DynamoDB Local's process, the same. Every file of the project waits while it is paused, so
   * only files of the `isolated` project (emulators of their own; vitest.config.ts) pause it.
   */
  readonly dynamodbPid: number;
  /** The supervisors' state file: each emulator's process now, its state and restarts (`test/support/emulators.ts`). */
  readonly emulatorsFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    backends: TestBackends;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-test-'));
  const confidentialDir = join(dataDir, 'confidential');
  mkdirSync(confidentialDir);
  const started = Date.now();
  // Killing an emulator must not lose the tables of the tests that run beside it.
  const recovery = project.name === 'recovery';
  const backends = await startBackends({ dataDir, persist: recovery });
  console.log(
    `[test] emulators up in ${Date.now() - started} ms (DynamoDB ${backends.emulators.dynamodbEndpoint}, Cognito ${backends.emulators.cognitoEndpoint}, SES ${backends.emulators.sesEndpoint}, S3 ${backends.emulators.s3Endpoint})`,
  );
  project.provide('backends', {
    env: backends.emulators.env,
    resources: backends.resources,
    sesEndpoint: backends.emulators.sesEndpoint,
    dynamodbEndpoint: backends.emulators.dynamodbEndpoint,
    cognitoPoolFile: join(dataDir, 'cognito', '.cognito', 'db', `${backends.resources.userPoolId}.json`),
    staffPoolFile: join(dataDir, 'cognito', '.cognito', 'db', `${backends.resources.staff.userPoolId}.json`),
    confidentialDir,
    sesPid: backends.emulators.pids.ses,
    dynamodbPid: backends.emulators.pids.dynamodb,
    emulatorsFile: join(dataDir, EMULATORS_FILE),
  });
  return async () => {
    try {
      await checkEmailContent({
        sesEndpoint: backends.emulators.sesEndpoint,
        recordDir: confidentialDir,
        programMailbox: PROGRAM_MAILBOX,
        log: (line) => console.log(line),
      });
    } catch (error) {
      // Vitest prints a teardown's error ("error during close") but still exits 0: fail the run here.
      process.exitCode = 1;
      throw error;
    } finally {
      await backends.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
