/**
 * Local stand-ins for the two AWS services behind Cognito's custom email sender trigger, on one
 * loopback port: a KMS key (GenerateDataKey, Encrypt, Decrypt, with the JSON protocol of the real
 * service) that cognito-local encrypts its codes with, and the Lambda Invoke API through which
 * cognito-local calls the trigger. The trigger is the same handler module the CDK stack deploys,
 * imported in this process, so a password-reset code reaches the SES emulator's inbox through
 * the code path that runs in AWS. What they cannot show is in docs/emulators.md.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** The local key's ARN and alias; handlers get the ARN as CODE_KEY_ARN, as in AWS. */
export const LOCAL_CODE_KEY = {
  arn: 'arn:aws:kms:us-east-1:000000000000:key/0c7a1b2e-5d4f-4e3a-9b8c-2006c7a70001',
  alias: 'arn:aws:kms:us-east-1:000000000000:alias/ctpat-portal-codes',
} as const;

/**
 * Cognito trigger name -> the handler module that serves it (the CDK stack wires the same). Each
 * runs in a child process of its own with the function's environment, as a Lambda runtime would:
 * handlers read their configuration once at load, so two stacks in one process (the test run's
 * projects) must not share a loaded module.
 */
const FUNCTIONS: Record<string, string> = {
  'ctpat-custom-email-sender': 'functions/triggers/custom-email-sender.ts',
};
export const CUSTOM_EMAIL_SENDER_FUNCTION = 'ctpat-custom-email-sender';

export interface TriggerHost {
  readonly endpoint: string;
  /** The functions' environment (what the CDK stack gives them); set before the first invocation. */
  useEnvironment(env: Record<string, string>): void;
  stop(): Promise<void>;
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** A KMS stand-in: one key, AES-256-GCM, the encryption context bound as additional data. */
const kms = (masterKey: Buffer) => {
  const keyId = (id: unknown): string => {
    if (id === LOCAL_CODE_KEY.arn || id === LOCAL_CODE_KEY.alias) return LOCAL_CODE_KEY.arn;
    throw new KmsError('NotFoundException', `Key '${String(id)}' does not exist`);
  };
  const aad = (context: unknown) =>
    Buffer.from(JSON.stringify(Object.entries((context ?? {}) as Record<string, string>).sort()));
  const seal = (plaintext: Buffer, context: unknown): string => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', masterKey, iv).setAAD(aad(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.from(
      JSON.stringify({
        k: LOCAL_CODE_KEY.arn,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        body: body.toString('base64'),
      }),
    ).toString('base64');
  };
  const open = (blob: string, context: unknown): Buffer => {
    try {
      const { iv, tag, body } = JSON.parse(Buffer.from(blob, 'base64').toString('utf8')) as Record<string, string>;
      const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv!, 'base64'))
        .setAAD(aad(context))
        .setAuthTag(Buffer.from(tag!, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body!, 'base64')), decipher.final()]);
    } catch {
      throw new KmsError(
        'InvalidCiphertextException',
        'The ciphertext is invalid, or its encryption context does not match.',
      );
    }
  };
  return (operation: string, input: Record<string, unknown>): Record<string, unknown> => {
    switch (operation) {
      case 'GenerateDataKey': {
        const KeyId = keyId(input.KeyId);
        const plaintext = randomBytes(Number(input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : 32)));
        return {
          KeyId,
          Plaintext: plaintext.toString('base64'),
          CiphertextBlob: seal(plaintext, input.EncryptionContext),
        };
      }
      case 'Encrypt':
        return {
          KeyId: keyId(input.KeyId),
          CiphertextBlob: seal(Buffer.from(String(input.Plaintext), 'base64'), input.EncryptionContext),
          EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        };
      case 'Decrypt':
        if (input.KeyId !== undefined) keyId(input.KeyId);
        return {
          KeyId: LOCAL_CODE_KEY.arn,
          Plaintext: open(String(input.CiphertextBlob), input.EncryptionContext).toString('base64'),
          EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        };
      default:
        throw new KmsError('UnsupportedOperationException', `The local KMS stand-in does not offer ${operation}.`);
    }
  };
};

const body = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(payload));
};

/** Starts the stand-ins on a free loopback port (or `port`). */
export const startTriggerHost = async (port = 0): Promise<TriggerHost> => {
  const keyService = kms(randomBytes(32));
  let env: Record<string, string> = {};
  const runtimes = new Map<string, Runtime>();
  const runtime = (name: string): Runtime => {
    let found = runtimes.get(name);
    if (!found) {
      found = startRuntime(FUNCTIONS[name]!, env);
      runtimes.set(name, found);
    }
    return found;
  };
  const server = createServer((request, response) => {
    void (async () => {
      const text = await body(request);
      const target = request.headers['x-amz-target'];
      if (typeof target === 'string' && target.startsWith('TrentService.')) {
        try {
          send(
            response,
            200,
            keyService(target.slice('TrentService.'.length), JSON.parse(text || '{}') as Record<string, unknown>),
          );
        } catch (error) {
          const type = error instanceof KmsError ? error.type : 'KMSInternalException';
          send(response, error instanceof KmsError ? 400 : 500, {
            __type: type,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        return;
      }
      const name = decodeURIComponent(
        /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(request.url ?? '')?.[1] ?? '',
      );
      if (!FUNCTIONS[name])
        return send(
          response,
          404,
          { Type: 'User', message: `Function not found: ${name || request.url}` },
          { 'x-amzn-errortype': 'ResourceNotFoundException' },
        );
      const outcome = await runtime(name).invoke(JSON.parse(text));
      if ('error' in outcome) {
        console.error(`[trigger-host] ${name} failed: ${outcome.error.message}`);
        return send(
          response,
          200,
          { errorMessage: outcome.error.message, errorType: outcome.error.name },
          { 'x-amz-function-error': 'Unhandled' },
        );
      }
      send(response, 200, outcome.result ?? null);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    useEnvironment: (next) => {
      env = next;
    },
    stop: async () => {
      for (const r of runtimes.values()) r.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

type Outcome = { result: unknown } | { error: { name: string; message: string } };

interface Runtime {
  invoke(event: unknown): Promise<Outcome>;
  stop(): void;
}

/** A child process that loads one handler module with `env` and answers invocations over IPC. */
const startRuntime = (module: string, env: Record<string, string>): Runtime => {
  const child: ChildProcess = fork(join(ROOT, 'lib', 'local', 'trigger-runtime.ts'), [join(ROOT, module)], {
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (outcome: Outcome) => void>();
  let next = 0;
  child.on('message', (message: { id: number } & Outcome) => {
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  child.on('exit', () => {
    for (const answer of pending.values())
      answer({ error: { name: 'Runtime.ExitError', message: 'The function runtime exited' } });
    pending.clear();
  });
  return {
    invoke: (event) =>
      new Promise((resolve) => {
        const id = (next += 1);
        pending.set(id, resolve);
        child.send({ id, event });
      }),
    stop: () => child.kill(),
  };
};
