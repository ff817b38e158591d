/**
 * The readiness route's probes: one cheap call to each service a request needs, each aborted by
 * its signal. DynamoDB: a consistent-read-free GetItem of a key that never exists (one read unit,
 * the same permission as any read); the user pools: their public keys (JWKS), which API Gateway's
 * authorizer (locally the dev server) needs to accept a token; SES: the account's sending status.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetAccountCommand } from '@aws-sdk/client-sesv2';
import { dynamo, TABLE_NAME } from '../clients/dynamodb.ts';
import { ses } from '../clients/ses.ts';
import { requireEnv } from '../clients/env.ts';
import { TABLE } from '../definitions/table.ts';

/** Both pools' key documents: staff and participants each sign in to their own. */
const KEY_URLS = [requireEnv('USER_POOL_KEYS_URL'), requireEnv('STAFF_USER_POOL_KEYS_URL')];

export const table = async (signal: AbortSignal): Promise<void> => {
  await dynamo.send(
    new GetItemCommand({
      TableName: TABLE_NAME,
      Key: { [TABLE.partitionKey]: { S: 'READINESS' }, [TABLE.sortKey]: { S: 'PROBE' } },
    }),
    { abortSignal: signal },
  );
};

export const userPoolKeys = async (signal: AbortSignal): Promise<void> => {
  await Promise.all(
    KEY_URLS.map(async (url) => {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new Error(`the key document answered ${response.status}`);
      const { keys } = (await response.json()) as { keys?: unknown[] };
      if (!Array.isArray(keys) || keys.length === 0) throw new Error('the key document holds no key');
    }),
  );
};

export const email = async (signal: AbortSignal): Promise<void> => {
  await ses.send(new GetAccountCommand({}), { abortSignal: signal });
};
