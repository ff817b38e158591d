/**
 * A stand-in in front of cognito-local for the one Cognito operation the portal calls that the
 * emulator lacks: `GetTokensFromRefreshToken`, which AWS requires of an app client with refresh
 * token rotation. It answers it with cognito-local's `REFRESH_TOKEN_AUTH` (new ID and access
 * tokens, no new refresh token: what AWS answers for a client without rotation) and passes every
 * other request through unchanged, so the portal's code is the code that runs in AWS. What it
 * cannot show is in docs/emulators.md.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CognitoFront {
  /** The endpoint the portal's Cognito client uses (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). */
  readonly endpoint: string;
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Rewrites a GetTokensFromRefreshToken request as the emulator's equivalent; others unchanged. */
export const translate = (target: string | undefined, body: Buffer): { target: string | undefined; body: Buffer } => {
  if (target !== `${TARGET_PREFIX}GetTokensFromRefreshToken`) return { target, body };
  const input = JSON.parse(body.toString('utf8') || '{}') as { ClientId?: string; RefreshToken?: string };
  const initiate = {
    ClientId: input.ClientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: input.RefreshToken },
  };
  return { target: `${TARGET_PREFIX}InitiateAuth`, body: Buffer.from(JSON.stringify(initiate)) };
};

/** Starts the stand-in on a loopback port, forwarding to cognito-local at `upstream`. */
export const startCognitoFront = async (upstream: string, port = 0): Promise<CognitoFront> => {
  const server = createServer((request, response) => {
    void (async () => {
      const header = request.headers['x-amz-target'];
      const { target, body } = translate(Array.isArray(header) ? header[0] : header, await readBody(request));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !['host', 'content-length', 'connection', 'x-amz-target'].includes(name))
          headers[name] = value;
      }
      if (target) headers['x-amz-target'] = target;
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
      });
      const out = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1',
        'content-length': String(out.length),
      });
      response.end(out);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ __type: 'CognitoFront#Unavailable', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
