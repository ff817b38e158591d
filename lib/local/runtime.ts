/**
 * The whole portal on one machine: emulators, the table and user pool bootstrapped from the
 * shared definitions, the dev API server and the local scheduler.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startEmulators, type Emulators, type EmulatorsProps } from './emulators.ts';
import { bootstrap, handlerEnv, type LocalResources } from './bootstrap.ts';
import { startDevServer } from './dev-server.ts';
import { startStreamPoller } from './stream-poller.ts';
import { cognitoIdTokenVerifier, portalPools } from './token-verifier.ts';
import { freePort } from './processes.ts';
import { parseAllowedOrigins } from '../../functions/definitions/api-headers.ts';

export interface BackendsProps {
  readonly dataDir: string;
  readonly persist: boolean;
  readonly ports?: EmulatorsProps['ports'];
  readonly echo?: boolean;
  /** Where emails sent by Cognito's trigger link to (default: the usual local web portal). */
  readonly portalUrl?: string;
  /** Where the emulators' supervisors say what they do (default: the console). */
  readonly log?: (line: string) => void;
}

export interface Backends {
  readonly emulators: Emulators;
  readonly resources: LocalResources;
  stop(): Promise<void>;
}

/** Emulators plus bootstrap; the state file under dataDir remembers the user pool. */
export const startBackends = async (props: BackendsProps): Promise<Backends> => {
  mkdirSync(props.dataDir, { recursive: true });
  const emulators = await startEmulators(props);
  try {
    const resources = await bootstrap(emulators, join(props.dataDir, 'state.json'));
    // The trigger's emails link to the web portal when startApi is told where it is.
    emulators.triggers.useEnvironment(handlerEnv(emulators.env, resources, props.portalUrl ?? 'http://127.0.0.1:3001'));
    return { emulators, resources, stop: () => emulators.stop() };
  } catch (error) {
    await emulators.stop();
    throw error;
  }
};

/**
 * Points this process's handlers at the backends (the same variables the CDK stack sets), serves
 * the route table and reads the table's stream for its consumers (new outbox deliveries are sent
 * off the request path, as in AWS); closing the server stops the poller. Handlers are imported
 * after the environment is set.
 */
export const startApi = async (
  backends: Backends,
  options: { port?: number; log?: boolean; portalUrl?: string } = {},
) => {
  const port = await freePort(options.port ?? 0);
  // Emails link to the web portal when it runs, else to the API.
  const env = handlerEnv(backends.emulators.env, backends.resources, options.portalUrl ?? `http://127.0.0.1:${port}`);
  Object.assign(process.env, env);
  const verifier = cognitoIdTokenVerifier(portalPools(backends.resources));
  const streams = await startStreamPoller({ tableName: backends.resources.tableName });
  // The server's own answers (preflight, its errors) allow exactly the origins the handlers do.
  const api = await startDevServer({
    verifier,
    port,
    log: options.log,
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS!),
  });
  api.server.on('close', () => void streams.stop());
  return { ...api, streams };
};
