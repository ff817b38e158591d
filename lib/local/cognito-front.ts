/**
 * A stand-in in front of cognito-local for what the portal needs and the emulator lacks, passing
 * every other request through unchanged, so the portal's code is the code that runs in AWS. What
 * it cannot show is in docs/emulators.md.
 *
 * 1. `GetTokensFromRefreshToken`, which AWS requires of an app client with refresh-token rotation:
 *    answered with cognito-local's `REFRESH_TOKEN_AUTH` (new ID and access tokens, no new refresh
 *    token: what AWS answers for a client without rotation).
 * 2. A user pool that requires a second factor (CBP staff's, `MfaConfiguration: ON` in AWS).
 *    cognito-local refuses a user without one outright, has no `MFA_SETUP` by session, and keeps
 *    no refresh token it issues in answer to a challenge. So the local pool is created without
 *    its own MFA and, for the clients registered with `requireSecondFactor`, this answers as AWS
 *    does, holding the tokens the emulator issued for the password until the second factor is
 *    proven: a user without an app (no `SOFTWARE_TOKEN_MFA` in the emulator's MFA settings) gets
 *    `MFA_SETUP`, and `AssociateSoftwareToken` and `VerifySoftwareToken` by that session set the
 *    app up through the emulator (with the held access token); a user with one gets
 *    `SOFTWARE_TOKEN_MFA`, whose code the emulator checks (`VerifySoftwareToken`). Only then does
 *    `RespondToAuthChallenge` hand the tokens over.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CognitoFront {
  /** The endpoint the portal's Cognito client uses (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER). */
  readonly endpoint: string;
  /** Answers for this app client as for a pool that requires a second factor. */
  requireSecondFactor(clientId: string): void;
  stop(): Promise<void>;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** A sign-in session lasts three minutes in AWS (the app client's default). */
const SESSION_MS = 3 * 60_000;
/** The sessions this stand-in issues (the emulator's own are bare UUIDs). */
const SESSION_PREFIX = 'local-second-factor-';

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

interface Answer {
  readonly status: number;
  readonly body: Buffer;
  readonly contentType: string;
}

type Upstream = (target: string, input: unknown) => Promise<Answer>;

/** A sign-in held until its second factor is proven: the tokens cognito-local issued, not yet handed over. */
interface PendingSetup {
  readonly tokens: { AccessToken: string } & Record<string, unknown>;
  readonly expiresAt: number;
  /** An app was verified in this MFA_SETUP (or, for SOFTWARE_TOKEN_MFA, the user has one to answer with). */
  readonly verified: boolean;
}

const json = (status: number, value: unknown): Answer => ({
  status,
  body: Buffer.from(JSON.stringify(value)),
  contentType: 'application/x-amz-json-1.1',
});

const refused = (message: string): Answer => json(400, { __type: 'NotAuthorizedException', message });

/** The MFA_SETUP flow for clients whose pool requires a second factor (see the module comment). */
export class SecondFactorSetup {
  private readonly clients = new Set<string>();
  private readonly pending = new Map<string, PendingSetup>();

  constructor(
    private readonly upstream: Upstream,
    private readonly now: () => number = Date.now,
  ) {}

  require(clientId: string): void {
    this.clients.add(clientId);
  }

  /** Answers the request itself, or undefined to pass it through as it is. */
  async handle(target: string | undefined, input: Record<string, unknown>): Promise<Answer | undefined> {
    const operation = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    const session = typeof input.Session === 'string' ? input.Session : undefined;
    if (operation === 'InitiateAuth' && input.AuthFlow === 'USER_PASSWORD_AUTH') return this.guard(target!, input);
    if (operation === 'RespondToAuthChallenge' && input.ChallengeName === 'NEW_PASSWORD_REQUIRED')
      return this.guard(target!, input);
    if (operation === 'RespondToAuthChallenge' && input.ChallengeName === 'MFA_SETUP') {
      const held = this.take(session);
      if (!held?.verified) return refused('Invalid session for the user.');
      this.pending.delete(session!);
      return json(200, { AuthenticationResult: held.tokens, ChallengeParameters: {} });
    }
    if (operation === 'RespondToAuthChallenge' && input.ChallengeName === 'SOFTWARE_TOKEN_MFA' && this.owns(session)) {
      const held = this.take(session);
      if (!held?.verified) return refused('Invalid session for the user.');
      const responses = (input.ChallengeResponses ?? {}) as Record<string, unknown>;
      const check = await this.upstream(`${TARGET_PREFIX}VerifySoftwareToken`, {
        AccessToken: held.tokens.AccessToken,
        UserCode: responses.SOFTWARE_TOKEN_MFA_CODE,
      });
      if (check.status !== 200) return check;
      this.pending.delete(session!);
      return json(200, { AuthenticationResult: held.tokens, ChallengeParameters: {} });
    }
    if (operation === 'AssociateSoftwareToken' && session && !input.AccessToken) {
      const held = this.take(session);
      if (!held) return refused('Invalid session for the user.');
      const answer = await this.upstream(target!, { AccessToken: held.tokens.AccessToken });
      if (answer.status !== 200) return answer;
      const { SecretCode } = JSON.parse(answer.body.toString('utf8')) as { SecretCode: string };
      return json(200, { SecretCode, Session: this.hold(held.tokens, false, session) });
    }
    if (operation === 'VerifySoftwareToken' && session && !input.AccessToken) {
      const held = this.take(session);
      if (!held) return refused('Invalid session for the user.');
      const { AccessToken } = held.tokens;
      const verify = await this.upstream(target!, { ...input, Session: undefined, AccessToken });
      if (verify.status !== 200) return verify;
      const preference = await this.upstream(`${TARGET_PREFIX}SetUserMFAPreference`, {
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      });
      if (preference.status !== 200) return preference;
      return json(200, { Status: 'SUCCESS', Session: this.hold(held.tokens, true, session) });
    }
    return undefined;
  }

  /** A sign-in step of a guarded client: tokens become the MFA_SETUP challenge. */
  private async guard(target: string, input: Record<string, unknown>): Promise<Answer> {
    const answer = await this.upstream(target, input);
    if (answer.status !== 200 || typeof input.ClientId !== 'string' || !this.clients.has(input.ClientId)) return answer;
    const parsed = JSON.parse(answer.body.toString('utf8')) as {
      AuthenticationResult?: PendingSetup['tokens'];
      ChallengeName?: string;
    };
    if (!parsed.AuthenticationResult) return answer;
    const tokens = parsed.AuthenticationResult;
    const user = await this.upstream(`${TARGET_PREFIX}GetUser`, { AccessToken: tokens.AccessToken });
    if (user.status !== 200) return user;
    const { UserMFASettingList = [] } = JSON.parse(user.body.toString('utf8')) as { UserMFASettingList?: string[] };
    if (UserMFASettingList.includes('SOFTWARE_TOKEN_MFA'))
      return json(200, {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ChallengeParameters: {},
        Session: this.hold(tokens, true),
      });
    return json(200, {
      ChallengeName: 'MFA_SETUP',
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) },
      Session: this.hold(tokens, false),
    });
  }

  private owns(session: string | undefined): boolean {
    return session?.startsWith(SESSION_PREFIX) ?? false;
  }

  /** Each step answers a new session and retires the one it was given, as Cognito's do. */
  private hold(tokens: PendingSetup['tokens'], verified: boolean, previous?: string): string {
    if (previous) this.pending.delete(previous);
    const session = `${SESSION_PREFIX}${randomUUID()}-${randomUUID()}`;
    this.pending.set(session, { tokens, verified, expiresAt: this.now() + SESSION_MS });
    return session;
  }

  private take(session: string | undefined): PendingSetup | undefined {
    const held = session ? this.pending.get(session) : undefined;
    if (!held) return undefined;
    if (held.expiresAt <= this.now()) {
      this.pending.delete(session!);
      return undefined;
    }
    return held;
  }
}

/** Starts the stand-in on a loopback port, forwarding to cognito-local at `upstream`. */
export const startCognitoFront = async (upstream: string, port = 0): Promise<CognitoFront> => {
  const forward = async (target: string | undefined, body: Buffer, headers: Record<string, string>, url = '/') => {
    const answer = await fetch(`${upstream}${url}`, {
      method: 'POST',
      headers: { ...headers, ...(target ? { 'x-amz-target': target } : {}) },
      body,
    });
    return {
      status: answer.status,
      body: Buffer.from(await answer.arrayBuffer()),
      contentType: answer.headers.get('content-type') ?? 'application/x-amz-json-1.1',
    };
  };
  const jsonHeaders = { 'content-type': 'application/x-amz-json-1.1' };
  const setup = new SecondFactorSetup((target, input) =>
    forward(target, Buffer.from(JSON.stringify(input)), jsonHeaders),
  );
  const server = createServer((request, response) => {
    void (async () => {
      const header = request.headers['x-amz-target'];
      const { target, body } = translate(Array.isArray(header) ? header[0] : header, await readBody(request));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !['host', 'content-length', 'connection', 'x-amz-target'].includes(name))
          headers[name] = value;
      }
      let answer: Answer | undefined;
      if (request.method === 'POST' && target) {
        let input: Record<string, unknown> | undefined;
        try {
          input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          input = undefined;
        }
        if (input) answer = await setup.handle(target, input);
      }
      if (!answer) {
        const passed = await fetch(`${upstream}${request.url ?? '/'}`, {
          method: request.method,
          headers: { ...headers, ...(target ? { 'x-amz-target': target } : {}) },
          ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
        });
        answer = {
          status: passed.status,
          body: Buffer.from(await passed.arrayBuffer()),
          contentType: passed.headers.get('content-type') ?? 'application/x-amz-json-1.1',
        };
      }
      response.writeHead(answer.status, {
        'content-type': answer.contentType,
        'content-length': String(answer.body.length),
      });
      response.end(answer.body);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ __type: 'CognitoFront#Unavailable', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    requireSecondFactor: (clientId) => setup.require(clientId),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
