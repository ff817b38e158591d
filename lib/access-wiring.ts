/**
 * What each declared access (`functions/definitions/routes/types.ts`) means in this stack: the
 * environment a function with it gets and the IAM statements it is granted (the actions from
 * `iam-actions.ts`, which the local IAM stand-in reads too, on the resources below), plus the deny
 * every function carries on audit partitions. Routes, jobs, stream consumers and event handlers
 * are all wired through it, so a function holds exactly what its access list says.
 */
import type { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { Access } from '../functions/definitions/routes.ts';
import { AUDIT_PARTITIONS, tableIndexes } from '../functions/definitions/table.ts';
import { EMAIL_TEMPLATES } from '../functions/definitions/email-templates.ts';
import type { AuditArchive } from './constructs/audit-archive.ts';
import type { ExportBucket } from './constructs/export-bucket.ts';
import type { PortalUserPool } from './constructs/user-pool.ts';
import { ACCOUNT_WIDE_ACTIONS, AUDIT_DENIED_ACTIONS, GRANTED_ACTIONS } from './iam-actions.ts';

/** What the accesses reach, and the settings some of them carry into the environment. */
export interface AccessTargets {
  readonly table: dynamodb.Table;
  readonly tableStreamArn: string;
  /** The Kinesis data stream carrying the table's changes. */
  readonly tableChangesArn: string;
  readonly users: PortalUserPool;
  readonly staffUsers: PortalUserPool;
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly exportFiles: ExportBucket;
  readonly archive: AuditArchive;
  readonly allowedOrigins: readonly string[];
  readonly programEmail: string;
  readonly senderAddress: string;
  readonly portalUrl: string;
  readonly requirePocMfa?: boolean | undefined;
}

export const accessWiring = (stack: Stack, t: AccessTargets) => {
  const { table, users, staffUsers, identity, configurationSet, exportFiles, archive } = t;
  const environmentFor = (access: readonly Access[]): Record<string, string> => ({
    ALLOWED_ORIGINS: t.allowedOrigins.join(','),
    ...(access.some((a) => a.startsWith('table:')) ? { TABLE_NAME: table.tableName } : {}),
    // Whatever writes may queue a notice to CBP's program mailbox (a removal, a reapplication).
    ...(access.includes('table:write') ? { PROGRAM_EMAIL: t.programEmail } : {}),
    ...(access.some((a) => a.startsWith('cognito:'))
      ? {
          USER_POOL_ID: users.pool.userPoolId,
          USER_POOL_CLIENT_ID: users.client.userPoolClientId,
          STAFF_USER_POOL_ID: staffUsers.pool.userPoolId,
          STAFF_USER_POOL_CLIENT_ID: staffUsers.client.userPoolClientId,
        }
      : {}),
    // The pools' public keys, as the tokens' issuers publish them (the readiness route reads them).
    ...(access.includes('cognito:keys')
      ? {
          USER_POOL_KEYS_URL: `https://${users.pool.userPoolProviderUrl}/.well-known/jwks.json`,
          STAFF_USER_POOL_KEYS_URL: `https://${staffUsers.pool.userPoolProviderUrl}/.well-known/jwks.json`,
        }
      : {}),
    ...(t.requirePocMfa ? { REQUIRE_POC_MFA: 'true' } : {}),
    ...(access.includes('exports:write') ? { EXPORTS_BUCKET: exportFiles.bucket.bucketName } : {}),
    ...archive.environmentFor(access),
    ...(access.includes('email:send')
      ? {
          SENDER_ADDRESS: t.senderAddress,
          EMAIL_CONFIGURATION_SET: configurationSet.configurationSetName,
          PORTAL_URL: t.portalUrl,
        }
      : {}),
  });
  const grant = (fn: lambda.IFunction, access: readonly Access[]) => {
    // What each access's actions (lib/iam-actions.ts, which the local IAM stand-in reads too) apply to.
    const resources: Record<Access, string[]> = {
      'table:read': [table.tableArn, ...tableIndexes.map((index) => `${table.tableArn}/index/${index.name}`)],
      'table:write': [table.tableArn],
      'table:stream': [t.tableStreamArn],
      'table:changes': [t.tableChangesArn],
      'cognito:auth': [],
      'cognito:invite': [users.pool.userPoolArn, staffUsers.pool.userPoolArn],
      'cognito:manage': [users.pool.userPoolArn, staffUsers.pool.userPoolArn],
      'cognito:keys': [],
      // GetAccount names no resource: ACCOUNT_WIDE_ACTIONS puts it on *.
      'email:status': [],
      'email:send': [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity.emailIdentityName }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet.configurationSetName,
        }),
        ...Object.values(EMAIL_TEMPLATES).map((t) =>
          stack.formatArn({ service: 'ses', resource: 'template', resourceName: t.name }),
        ),
      ],
      'exports:write': [exportFiles.bucket.arnForObjects('*')],
      'archive:write': archive.writeResources,
    };
    // KMS actions an access needs for the key of what it touches (the bucket's default encryption).
    const keys: Partial<Record<Access, string[]>> = {
      'exports:write': [exportFiles.key.keyArn],
      'archive:write': [archive.key.keyArn],
    };
    if (access.includes('archive:write')) archive.acknowledgeWriter(fn);
    for (const a of access) {
      const all: readonly string[] = GRANTED_ACTIONS[a];
      const keyActions = all.filter((action) => action.startsWith('kms:'));
      const actions = all.filter((action) => !action.startsWith('kms:'));
      if (keyActions.length > 0) {
        const keyArns = keys[a];
        if (!keyArns) throw new Error(`Access ${a} grants KMS actions but names no key`);
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: keyActions, resources: keyArns }));
      }
      const scoped = actions.filter((action) => !ACCOUNT_WIDE_ACTIONS.includes(action));
      const accountWide = actions.filter((action) => ACCOUNT_WIDE_ACTIONS.includes(action));
      if (scoped.length > 0) fn.addToRolePolicy(new iam.PolicyStatement({ actions: scoped, resources: resources[a] }));
      if (accountWide.length > 0)
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: accountWide, resources: ['*'] }));
    }
    // Audit records are never edited or deleted (DESIGN section 3.11): whatever the code does,
    // no function may update or delete an item in an audit partition.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'AuditRecordsAreAppendOnly',
        effect: iam.Effect.DENY,
        actions: [...AUDIT_DENIED_ACTIONS],
        resources: [table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITIONS] } },
      }),
    );
  };
  return { environmentFor, grant };
};
