/**
 * Creates, in the emulators, the same table and user pool the CDK stack defines, from the same
 * definitions. Idempotent: an existing table or pool (recorded in the state file) is reused.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateEmailTemplateCommand, SESv2Client, UpdateEmailTemplateCommand } from '@aws-sdk/client-sesv2';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import { TABLE, keyAttributes, tableIndexes } from '../../functions/definitions/table.ts';
import { USER_POOL_SETTINGS } from '../user-pool-settings.ts';
import type { Realm } from '../../functions/definitions/roles.ts';
import { LOCAL_BUCKETS, type Emulators } from './emulators.ts';
import { LOCAL_CODE_KEY } from './trigger-host.ts';

/** A user pool in the emulator and the portal's app client in it. */
export interface LocalPool {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Token issuer: `<cognito endpoint>/<pool id>`. */
  readonly issuer: string;
}

/** The table, the participants' pool (the top-level fields) and CBP staff's pool. */
export interface LocalResources extends LocalPool {
  readonly tableName: string;
  readonly staff: LocalPool;
}

const TABLE_NAME = 'ctpat-portal';

/** The table's stream, as the CDK stack defines it: the local stream poller reads it. */
const STREAM = { StreamEnabled: true, StreamViewType: TABLE.streamView } as const;

export const ensureTable = async (dynamo: DynamoDBClient, tableName = TABLE_NAME): Promise<void> => {
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    // A table made before it had a stream (an older `npm start` data folder) gets one.
    if (!Table?.StreamSpecification?.StreamEnabled)
      await dynamo.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: STREAM }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: STREAM,
    }),
  );
  await dynamo.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
  );
};

/**
 * One of the two pools. CBP staff's requires a second factor in AWS (`ON`); cognito-local refuses
 * a user without one in such a pool instead of offering MFA_SETUP, and keeps no refresh token it
 * issues after a challenge, so locally that pool has no MFA of its own and the Cognito stand-in
 * answers for its client as AWS does (cognito-front.ts, docs/emulators.md).
 */
const createUserPool = async (cognito: CognitoIdentityProviderClient, realm: Realm) => {
  const s = USER_POOL_SETTINGS;
  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: realm === 'staff' ? 'ctpat-portal-staff' : 'ctpat-portal-users',
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        UnusedAccountValidityDays: s.temporaryPasswordValidityDays,
      },
      Policies: {
        PasswordPolicy: {
          MinimumLength: s.passwordMinLength,
          RequireLowercase: false,
          RequireUppercase: false,
          RequireNumbers: false,
          RequireSymbols: false,
          TemporaryPasswordValidityDays: s.temporaryPasswordValidityDays,
        },
      },
      Schema: [{ Name: s.companyIdAttribute, AttributeDataType: 'String', Mutable: false }],
      MfaConfiguration: realm === 'staff' ? 'OFF' : 'OPTIONAL',
    }),
  );
  const userPoolId = UserPool!.Id!;
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'portal',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AccessTokenValidity: s.tokenValidityMinutes.access,
      IdTokenValidity: s.tokenValidityMinutes.id,
      RefreshTokenValidity: s.refreshTokenValidityHours,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'hours' },
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  for (const group of s.groupsOf[realm])
    await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  return { userPoolId, userPoolClientId: UserPoolClient!.ClientId! };
};

/** Creates what is missing and returns the resources' names; `stateFile` remembers the pool. */
export const bootstrap = async (emulators: Emulators, stateFile: string): Promise<LocalResources> => {
  const dynamo = new DynamoDBClient({
    endpoint: emulators.dynamodbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const cognito = new CognitoIdentityProviderClient({
    endpoint: emulators.cognitoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await Promise.all([ensureTable(dynamo), ensureEmailTemplates(emulators.sesEndpoint)]);

  type Saved = Record<Realm, { userPoolId: string; userPoolClientId: string }>;
  const read = existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as Partial<Saved> & Partial<Saved[Realm]>)
    : {};
  // A state file from before staff had their own pool holds the participants' pool at its top level.
  const saved: Partial<Saved> =
    read.userPoolId && read.userPoolClientId
      ? { participants: { userPoolId: read.userPoolId, userPoolClientId: read.userPoolClientId } }
      : read;
  const exists = async (pool: Saved[Realm] | undefined) =>
    pool !== undefined &&
    (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId })).then(
      () => true,
      () => false,
    ));
  const pools = {} as Saved;
  for (const realm of ['participants', 'staff'] as const) {
    const existing = saved[realm];
    pools[realm] = existing && (await exists(existing)) ? existing : await createUserPool(cognito, realm);
  }
  writeFileSync(stateFile, JSON.stringify(pools, null, 2));
  emulators.cognitoFront.requireSecondFactor(pools.staff.userPoolClientId);
  dynamo.destroy();
  cognito.destroy();
  const issued = (pool: Saved[Realm]): LocalPool => ({
    ...pool,
    issuer: `${emulators.cognitoEndpoint}/${pool.userPoolId}`,
  });
  return { tableName: TABLE_NAME, ...issued(pools.participants), staff: issued(pools.staff) };
};

/** SES templates from the same definitions as the CDK stack; the emulator keeps them in memory, so this runs at every start. */
export const ensureEmailTemplates = async (sesEndpoint: string): Promise<void> => {
  const ses = new SESv2Client({
    endpoint: sesEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  for (const template of Object.values(EMAIL_TEMPLATES)) {
    const content = {
      TemplateName: template.name,
      TemplateContent: { Subject: template.subject, Text: template.text, Html: template.html },
    };
    await ses
      .send(new CreateEmailTemplateCommand(content))
      .catch(async () => ses.send(new UpdateEmailTemplateCommand(content)));
  }
  ses.destroy();
};

/** CBP's program mailbox in the demo: removal and reapplication notices land here. */
export const PROGRAM_MAILBOX = 'ctpat-program@cbp.example.gov';

/** The web portal's origin, and on loopback the same server by the name `localhost` too. */
const localOrigins = (portalUrl: string): string[] => {
  const url = new URL(portalUrl);
  return url.hostname === '127.0.0.1'
    ? [url.origin, `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`]
    : [url.origin];
};

/**
 * The environment the handlers read (the same variable names the CDK stack sets). The web portal
 * at `portalUrl` is the one origin the API answers across origins, as the CloudFront URL is in AWS.
 */
export const handlerEnv = (
  sdkEnv: Record<string, string>,
  resources: LocalResources,
  portalUrl: string,
): Record<string, string> => ({
  ...sdkEnv,
  TABLE_NAME: resources.tableName,
  USER_POOL_ID: resources.userPoolId,
  USER_POOL_CLIENT_ID: resources.userPoolClientId,
  STAFF_USER_POOL_ID: resources.staff.userPoolId,
  STAFF_USER_POOL_CLIENT_ID: resources.staff.userPoolClientId,
  // Each pool's keys where its tokens' issuer publishes them (cognito-local itself).
  USER_POOL_KEYS_URL: `${resources.issuer}/.well-known/jwks.json`,
  STAFF_USER_POOL_KEYS_URL: `${resources.staff.issuer}/.well-known/jwks.json`,
  SENDER_ADDRESS: 'C-TPAT Portal <no-reply@ctpat.local>',
  EMAIL_CONFIGURATION_SET: 'ctpat-portal',
  PORTAL_URL: portalUrl,
  PROGRAM_EMAIL: PROGRAM_MAILBOX,
  ALLOWED_ORIGINS: localOrigins(portalUrl).join(','),
  CODE_KEY_ARN: LOCAL_CODE_KEY.arn,
  EXPORTS_BUCKET: LOCAL_BUCKETS.exports,
  AUDIT_ARCHIVE_BUCKET: LOCAL_BUCKETS.auditArchive,
});
