/**
 * `npm start`: the whole portal on loopback with no AWS account. Data lives under .local/ and
 * survives restarts (`npm run reset` wipes it). Ctrl-C stops every process started here.
 */
import '../lib/local/quiet-sdk.ts';
import '../lib/local/sdk-timeout-scale.ts';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBackends, startApi } from '../lib/local/runtime.ts';
import { startWebServer } from '../lib/local/web-server.ts';
import { freePort } from '../lib/local/processes.ts';
import { startScheduler } from '../lib/local/scheduler.ts';
import { handlerEnv, PROGRAM_MAILBOX } from '../lib/local/bootstrap.ts';
import { DATA_DIR } from '../lib/local/paths.ts';
import { RUNTIME_FILE } from '../lib/local/running-portal.ts';
import type { DemoSignIn } from '../lib/local/seed.ts';
import { demoClock } from '../lib/local/demo-clock.ts';
import { useClock } from '../functions/domain/clock.ts';
import { programDate } from '../functions/definitions/program-time.ts';
import { installTerminalLog, terminalLevel } from '../lib/local/terminal-log.ts';

const level = (() => {
  try {
    return terminalLevel(process.env.LOG_LEVEL);
  } catch (error) {
    console.error(`[portal] ${(error as Error).message}`);
    return process.exit(2);
  }
})();
// The functions' JSON log lines, readable and filtered by level (warnings and errors by default).
installTerminalLog(level);
const log = (line: string) => console.log(line);
const debug = level === 'debug' ? log : () => {};

const main = async () => {
  log('[portal] starting DynamoDB Local, cognito-local, the SES emulator and the S3 emulator ...');
  const webPort = await freePort(3001);
  // Emails Cognito's trigger sends (password-reset codes) link to the web portal, like every other.
  const backends = await startBackends({
    dataDir: DATA_DIR,
    persist: true,
    ports: { dynamodb: 8000, cognito: 9229, ses: 8005, s3: 4568 },
    portalUrl: `http://127.0.0.1:${webPort}`,
  });
  const api = await startApi(backends, {
    port: 3000,
    log: level === 'debug',
    portalUrl: `http://127.0.0.1:${webPort}`,
  });
  const web = await startWebServer({ apiUrl: api.url, port: webPort });
  // The demo runs on its own date (starting May 1, 2006), never on today's.
  const seededBeforeDeadlines =
    existsSync(join(DATA_DIR, 'demo-sign-ins.json')) && !existsSync(join(DATA_DIR, 'clock.json'));
  if (seededBeforeDeadlines)
    log(
      '[portal] this demo was seeded before deadlines existed: its companies have none. `npm run reset` seeds it again.',
    );
  const clock = demoClock(DATA_DIR);
  useClock(clock);

  const seedFile = join(DATA_DIR, 'demo-sign-ins.json');
  if (!existsSync(seedFile)) {
    log('[portal] seeding the demo (first start) ...');
    const { seedDemo } = await import('../lib/local/seed.ts');
    writeFileSync(seedFile, JSON.stringify(await seedDemo(), null, 2));
  }
  const signIns = JSON.parse(readFileSync(seedFile, 'utf8')) as DemoSignIn[];
  if (signIns.some((s) => s.email.endsWith('@cbp.example.gov') && !s.authenticatorSecret))
    log(
      '[portal] this demo was seeded before CBP staff had their own user pool: its staff cannot sign in. `npm run reset` seeds it again.',
    );
  const stopScheduler = startScheduler(clock, log, debug);
  const runtimeFile = RUNTIME_FILE;
  // `npm run simulate` and `npm run admin -- --local` read this to work on the running portal's emulators, with the handlers' environment.
  writeFileSync(
    runtimeFile,
    JSON.stringify(
      { pid: process.pid, api: api.url, env: handlerEnv(backends.emulators.env, backends.resources, api.url) },
      null,
      2,
    ),
  );

  log('');
  log('C-TPAT Communications Portal is running (local, no AWS account).');
  log(`  Web portal       ${web.url}   (sign in with a demo account below)`);
  log(`  API              ${api.url}   (try ${api.url}/health and ${api.url}/openapi.json)`);
  log(`  Mail inbox       ${backends.emulators.sesEndpoint}   (every email the portal sends)`);
  log(`  DynamoDB Local   ${backends.emulators.dynamodbEndpoint}`);
  log(`  Cognito (local)  ${backends.emulators.cognitoEndpoint}   user pool ${backends.resources.userPoolId}`);
  log(`  S3 (s3rver)      ${backends.emulators.s3Endpoint}   (exports; signed requests only)`);
  log('  Demo sign-ins (on the web portal, or POST /auth/login with {"email", "password"}):');
  for (const s of signIns) log(`    ${s.who.padEnd(44)} ${s.email.padEnd(40)} ${s.password}`);
  log('  CBP staff also answer their authenticator app: `npm run code -- <email>` shows its code now.');
  log(
    `  Demo date        ${programDate(clock.now())}   (program time, Washington; npm run simulate -- --as-of 2006-07-02 moves it and runs the daily checks)`,
  );
  log(`  CBP mailbox      ${PROGRAM_MAILBOX}   (removal and reapplication notices)`);
  log(`  Data folder      ${DATA_DIR}   (npm run reset wipes it)`);
  log(
    level === 'debug'
      ? '  Log level        debug: every request, job report and metric'
      : `  Log level        ${level}: LOG_LEVEL=debug npm start shows every request, job report and metric`,
  );
  log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('\n[portal] stopping ...');
    stopScheduler();
    rmSync(runtimeFile, { force: true });
    api.server.close();
    web.server.close();
    await backends.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`[portal] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
