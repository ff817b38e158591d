/**
 * The local stand-in for IAM. In AWS each function's role allows exactly the actions its declared
 * `access` grants (`lib/iam-actions.ts`) and denies updates and deletes on audit partitions;
 * locally every handler runs in one process with no IAM at all, so a missing grant would show only
 * after a deployment. Here the dev server, the local job runner and the stream poller run each
 * handler as its function (`runAs`), and a middleware on the portal's SDK clients (and the
 * poller's stream reads) refuses any command that function's role would not allow, with the
 * `AccessDeniedException` AWS answers. Calls made outside any function
 * (seeding, test setup and assertions) pass unchecked. Actions are checked, not resources: every
 * function names the one table, pool and configuration set its environment gives it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { Access } from '../../functions/definitions/routes.ts';
import { AUDIT_PARTITIONS, TABLE } from '../../functions/definitions/table.ts';
import { AUDIT_DENIED_ACTIONS, GRANTED_ACTIONS } from '../iam-actions.ts';

/** The function a handler runs as: its route, job or event handler id, and its declared access. */
export interface FunctionIdentity {
  readonly name: string;
  readonly access: readonly Access[];
}

/** One command the stand-in refused, kept so a test can see refusals a handler swallowed. */
export interface Refusal {
  readonly function: string;
  readonly command: string;
  readonly message: string;
}

type Service = 'dynamodb' | 'cognito-idp' | 'ses' | 's3';

/** What one SDK command asks IAM for: each action, with the partition key it touches where it names one. */
interface Request {
  readonly action: string;
  readonly leadingKey?: string;
}

/**
 * Cognito operations authorized by a token or a session, not by IAM. They still need the pool's
 * ids, which the stack puts in the environment of a function with any `cognito:` access.
 */
const PUBLIC_COGNITO = new Set([
  'InitiateAuth',
  'RespondToAuthChallenge',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'SetUserMFAPreference',
  'GetTokensFromRefreshToken',
  'RevokeToken',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'GlobalSignOut',
  'ChangePassword',
  'GetUser',
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
]);

/** The partition key of a key or item, marshalled (`{ S: ... }`, raw client) or not (document client). */
const leadingKeyOf = (key: unknown): string | undefined => {
  const value = (key as Record<string, unknown> | undefined)?.[TABLE.partitionKey];
  if (typeof value === 'string') return value;
  const marshalled = (value as { S?: unknown } | undefined)?.S;
  return typeof marshalled === 'string' ? marshalled : undefined;
};

type TransactItem = Partial<Record<'Put' | 'Update' | 'Delete' | 'ConditionCheck' | 'Get', Record<string, unknown>>>;

/** The IAM actions a DynamoDB command needs: a transaction needs each item's own (AWS's rule). */
const dynamoRequests = (command: string, input: Record<string, unknown>): Request[] => {
  if (command === 'TransactWriteItems' || command === 'TransactGetItems') {
    return ((input.TransactItems ?? []) as TransactItem[]).map((item) => {
      if (item.Put) return { action: 'dynamodb:PutItem', leadingKey: leadingKeyOf(item.Put.Item) };
      if (item.Update) return { action: 'dynamodb:UpdateItem', leadingKey: leadingKeyOf(item.Update.Key) };
      if (item.Delete) return { action: 'dynamodb:DeleteItem', leadingKey: leadingKeyOf(item.Delete.Key) };
      if (item.ConditionCheck)
        return { action: 'dynamodb:ConditionCheckItem', leadingKey: leadingKeyOf(item.ConditionCheck.Key) };
      return { action: 'dynamodb:GetItem', leadingKey: leadingKeyOf(item.Get?.Key) };
    });
  }
  return [{ action: `dynamodb:${command}`, leadingKey: leadingKeyOf(input.Key ?? input.Item) }];
};

/**
 * The IAM action of an S3 command where it is not `s3:<command>` (AWS's table): the calls of a
 * multipart upload are all `s3:PutObject`, and a presigned GET is allowed by `s3:GetObject`.
 */
const S3_ACTIONS: Readonly<Record<string, string>> = {
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  HeadObject: 's3:GetObject',
  ListParts: 's3:ListMultipartUploadParts',
};

/** `COMPANY#*#AUDIT` as IAM's StringLike reads it: `*` any run of characters, `?` any one. */
const likePattern = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^$()|[\]{}\\]/g, '\\$&')))
      .join('')}$`,
  );
const auditPartition = likePattern(AUDIT_PARTITIONS);

const allowedActions = (access: readonly Access[]): Set<string> =>
  new Set(access.flatMap((a): readonly string[] => GRANTED_ACTIONS[a]));

/**
 * Why IAM (with the stack's environment) would refuse `command` to a function with `access`, or
 * undefined when it would let it through. `command` is the SDK's operation name (`PutItem`).
 */
export const refusalOf = (
  access: readonly Access[],
  service: Service,
  command: string,
  input: Record<string, unknown>,
): string | undefined => {
  if (service === 'cognito-idp' && PUBLIC_COGNITO.has(command)) {
    return access.some((a) => a.startsWith('cognito:'))
      ? undefined
      : `${command} needs no IAM, but the user pool's ids are in the environment of a function with a cognito: access only`;
  }
  const requests =
    service === 'dynamodb'
      ? dynamoRequests(command, input)
      : [{ action: (service === 's3' ? S3_ACTIONS[command] : undefined) ?? `${service}:${command}` }];
  const allowed = allowedActions(access);
  for (const { action, leadingKey } of requests) {
    if (
      (AUDIT_DENIED_ACTIONS as readonly string[]).includes(action) &&
      leadingKey !== undefined &&
      auditPartition.test(leadingKey)
    )
      return `not authorized to perform: ${action} on ${leadingKey} with an explicit deny in an identity-based policy (audit records are append-only)`;
    if (!allowed.has(action))
      return `not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
  }
  return undefined;
};

/** What AWS answers a refused call (a client error the SDK does not retry; the portal answers it as a 500). */
export class AccessDeniedException extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
}

const running = new AsyncLocalStorage<FunctionIdentity>();
const refusals: Refusal[] = [];

/** The refusals since the last call, oldest first; the list is emptied. */
export const takeRefusals = (): Refusal[] => refusals.splice(0);

/** Throws what AWS would if the function running now may not make this call; outside a function, does nothing. */
const check = (service: Service, commandName: string, input: Record<string, unknown>): void => {
  const fn = running.getStore();
  if (!fn) return;
  const command = commandName.replace(/Command$/, '');
  const refusal = refusalOf(fn.access, service, command, input);
  if (refusal === undefined) return;
  const message = `${fn.name} (access: ${fn.access.join(', ') || 'none'}) is ${refusal}`;
  // Kept for the tests to take; a long `npm start` keeps the latest only (each also answered a 500).
  if (refusals.length >= 1000) refusals.shift();
  refusals.push({ function: fn.name, command, message });
  throw new AccessDeniedException(message);
};

/** The stand-in as an SDK middleware, first of all: IAM answers before anything else happens (no retry, no fault injection). */
const standIn =
  (service: Service) =>
  <A extends { readonly input: object }, R>(
    next: (args: A) => Promise<R>,
    context: { readonly commandName?: string },
  ) =>
  async (args: A): Promise<R> => {
    check(service, context.commandName ?? '', args.input as Record<string, unknown>);
    return next(args);
  };
const AT_FIRST = { step: 'initialize', priority: 'high', name: 'localIamStandIn', override: true } as const;

let guarded: Promise<void> | undefined;

/**
 * Puts the stand-in on the portal's SDK clients (the document client shares the DynamoDB client's
 * middleware). Imported lazily: the clients read their configuration from the environment.
 */
export const guardClients = (): Promise<void> => {
  guarded ??= (async () => {
    const [{ dynamo }, { cognito }, { ses }, { s3 }] = await Promise.all([
      import('../../functions/clients/dynamodb.ts'),
      import('../../functions/clients/cognito.ts'),
      import('../../functions/clients/ses.ts'),
      import('../../functions/clients/s3.ts'),
    ]);
    dynamo.middlewareStack.add(standIn('dynamodb'), AT_FIRST);
    cognito.middlewareStack.add(standIn('cognito-idp'), AT_FIRST);
    ses.middlewareStack.add(standIn('ses'), AT_FIRST);
    // A presigned URL is made through the client's middleware too: signing one is checked as a GetObject.
    s3.middlewareStack.add(standIn('s3'), AT_FIRST);
  })();
  return guarded;
};

/**
 * Puts the stand-in on the local stream poller's client: Lambda reads a table's stream with the
 * consumer function's role, so the poller reads it as that function (`table:stream`).
 */
export const guardStreamReads = (client: Pick<DynamoDBStreamsClient, 'middlewareStack'>): void => {
  client.middlewareStack.add(standIn('dynamodb'), AT_FIRST);
};

/**
 * Runs `work` as `fn` on clients guarded already (the stream poller's own, `guardStreamReads`),
 * without loading the portal's clients: they read their environment once, and a test may set it
 * (the web portal's address) after the poller starts and before any handler runs.
 */
export const runAsOnGuarded = <T>(fn: FunctionIdentity, work: () => Promise<T>): Promise<T> => running.run(fn, work);

/** Runs `work` as the function `fn`: each SDK call it makes, however deep, is checked against fn's access. */
export const runAs = async <T>(fn: FunctionIdentity, work: () => Promise<T>): Promise<T> => {
  await guardClients();
  return running.run(fn, work);
};
