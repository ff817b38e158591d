/**
 * Issue 20 item 2 in the template (decision 79): the write-once audit archive's
 * bucket (Object Lock in compliance mode, retention from context, versioned, private, SSL only,
 * SSE-KMS), cdk-nag clean, and no function anywhere allowed to delete a copy or change its lock.
 * The app is synthesized as deployed (`createPortalApp`), with the default and with
 * `-c auditArchiveRetentionDays=30` (a string, as the command line gives it).
 */
import { App, NestedStack, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { createPortalApp } from '../../lib/portal-app.ts';
import { AuditArchive, DEFAULT_RETENTION_DAYS } from '../../lib/constructs/audit-archive.ts';
import type { PortalStack } from '../../lib/portal-stack.ts';
import { GRANTED_ACTIONS } from '../../lib/iam-actions.ts';
import { ROUTES, type Access } from '../../functions/definitions/routes.ts';
import { JOBS } from '../../functions/definitions/jobs.ts';
import { EVENT_HANDLERS } from '../../functions/definitions/events.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';
import { nagFindings } from '../support/nag.ts';
import { stubWebClient } from '../support/web-client.ts';

/** What no one may be allowed on the archive: taking a copy away, or loosening its lock. */
const FORBIDDEN = [
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersionTagging',
  's3:PutObjectRetention',
  's3:PutObjectLegalHold',
  's3:BypassGovernanceRetention',
  's3:PutBucketObjectLockConfiguration',
  's3:PutLifecycleConfiguration',
  's3:DeleteBucket',
];

interface Synth {
  readonly app: App;
  readonly stack: PortalStack;
  readonly archive: AuditArchive;
  readonly templates: Template[];
  readonly assemblyDir: string;
}

const synth = (context: Record<string, unknown>): Synth => {
  // Function bundling is not what these tests are about; skipping it keeps the synth quick.
  const app = createPortalApp(
    new App({ context: { webAssetsPath: stubWebClient(), 'aws:cdk:bundling-stacks': [], ...context } }),
  );
  const assemblyDir = app.synth().directory;
  const stack = app.node.findChild('CtpatPortal') as PortalStack;
  return {
    app,
    stack,
    archive: stack.node.findChild('AuditArchive') as AuditArchive,
    templates: [Template.fromStack(stack), routeStacksTemplate(stack)],
    assemblyDir,
  };
};

let plain: Synth;
let thirtyDays: Synth;
beforeAll(() => {
  plain = synth({});
  thirtyDays = synth({ auditArchiveRetentionDays: '30' });
}, 300_000);

const idOf = (s: Synth, construct: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(construct.node.defaultChild as CfnElement);
const bucketOf = (s: Synth) => s.templates[0]!.toJSON().Resources[idOf(s, s.archive.bucket)];

type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; NotAction?: unknown };

/** Every statement of every IAM policy, role inline policy and bucket policy in the templates. */
type PolicyDocument = { Statement: Statement[] };
type Resource = {
  Type: string;
  Properties?: { PolicyDocument?: PolicyDocument; Policies?: { PolicyDocument: PolicyDocument }[] };
};
const POLICY_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::S3::BucketPolicy'];
const allStatements = (templates: Template[]): { where: string; statement: Statement }[] =>
  templates.flatMap((t) =>
    Object.entries(t.toJSON().Resources as Record<string, Resource>).flatMap(([id, r]) => {
      const documents = POLICY_TYPES.includes(r.Type)
        ? [r.Properties!.PolicyDocument!]
        : r.Type === 'AWS::IAM::Role'
          ? (r.Properties?.Policies ?? []).map((p) => p.PolicyDocument)
          : [];
      return documents.flatMap((d) => d.Statement.map((statement) => ({ where: id, statement })));
    }),
  );

/** IAM's reading of an action pattern (`s3:Delete*`, `*`): does it cover `action`? */
const covers = (pattern: string, action: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^$()|[\]{}\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  ).test(action);

/**
 * Allow statements that grant a forbidden action on what could be the archive: a resource naming
 * its bucket (by logical id, or the nested stack's `referenceto<its path>...Arn` parameter for it)
 * or any wildcard ARN (`*`, `arn:aws:s3:::*`).
 */
const forbiddenGrants = (templates: Template[], bucketId: string, nestedParameter?: string) =>
  allStatements(templates).filter(({ statement }) => {
    if (statement.Effect !== 'Allow') return false;
    if (statement.NotAction !== undefined) return true;
    const actions = [statement.Action].flat();
    if (!FORBIDDEN.some((f) => actions.some((a) => covers(a, f)))) return false;
    const resources = JSON.stringify(statement.Resource ?? '*');
    return (
      resources.includes(`"${bucketId}"`) ||
      (nestedParameter !== undefined && resources.includes(nestedParameter)) ||
      /"\*"|"arn:[^"]*:s3:::\*/.test(resources)
    );
  });

describe('the audit archive bucket', () => {
  it('has Object Lock in compliance mode for seven years by default, and versioning', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(2557);
    expect(bucketOf(plain).Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2557 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('locks each copy for the days given as context (-c auditArchiveRetentionDays=30)', () => {
    expect(bucketOf(thirtyDays).Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 30 } },
    });
  });

  it('is private, SSL only, SSE-KMS with its own rotated key, logged, retained, and named in an output', () => {
    const template = plain.templates[0]!;
    const [bucket, key, logs] = [plain.archive.bucket, plain.archive.key, plain.archive.logs].map((c) =>
      idOf(plain, c),
    );
    expect(bucketOf(plain)).toMatchObject({
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
              },
              BucketKeyEnabled: true,
            },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'audit-archive/' },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(template.toJSON().Resources[key!]).toMatchObject({
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).filter(
      (p) => p.Properties.Bucket.Ref === bucket,
    );
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(template.findOutputs('AuditArchiveBucket')['AuditArchiveBucket']!.Value).toEqual({ Ref: bucket });
  });

  it('refuses a retention that is not a whole number of days from 1 to 36500, naming the setting', () => {
    for (const bad of ['0', '-5', '36501', '7y', '2.5', 'seven', '', 12.5, 0])
      expect(() => synth({ auditArchiveRetentionDays: bad }), String(bad)).toThrow(
        /Context auditArchiveRetentionDays must be a whole number of days from 1 to 36500/,
      );
    // The bounds themselves are allowed, and cdk.json may give a number.
    const stack = new Stack(new App({ context: { auditArchiveRetentionDays: 36500 } }), 'Edge');
    expect(new AuditArchive(stack, 'Archive').retentionDays).toBe(36500);
  });

  it('has no cdk-nag finding unacknowledged, and each acknowledgement on it gives a reason', () => {
    const { violations, acknowledgements } = nagFindings(plain.app, plain.assemblyDir);
    const path = plain.archive.node.path;
    expect(violations.filter((v) => v.paths.some((p) => p.startsWith(path)))).toEqual([]);
    const own = acknowledgements.filter((a) => a.path.startsWith(path));
    expect(own.length).toBeGreaterThan(0);
    for (const a of own) expect(a.reason.length, a.id).toBeGreaterThan(60);
  });
});

describe('who may touch the archive', () => {
  it('gives archive:write a put under audit/ and a data key, nothing more', () => {
    expect(GRANTED_ACTIONS['archive:write']).toEqual(['s3:PutObject', 'kms:GenerateDataKey']);
    expect(plain.stack.resolve(plain.archive.writeResources)).toEqual([
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [idOf(plain, plain.archive.bucket), 'Arn'] }, '/audit/*']] },
    ]);
  });

  it('names the bucket (AUDIT_ARCHIVE_BUCKET) to exactly the functions that declare archive:write, with just those grants', () => {
    expect(plain.stack.resolve(plain.archive.environmentFor(['table:read', 'archive:write']))).toEqual({
      AUDIT_ARCHIVE_BUCKET: { Ref: idOf(plain, plain.archive.bucket) },
    });
    expect(plain.archive.environmentFor(['table:read', 'table:write', 'exports:write'])).toEqual({});
    const declared = [...ROUTES, ...JOBS, ...EVENT_HANDLERS, ...STREAM_CONSUMERS].filter((d) =>
      (d.access as readonly Access[]).includes('archive:write'),
    );
    const functions = plain.templates.flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function')));
    const named = functions.filter((f) => f.Properties.Environment?.Variables?.AUDIT_ARCHIVE_BUCKET !== undefined);
    // None yet: the lead wires it to the chainer job (issue 20 item 1), and then this counts one.
    expect(named).toHaveLength(declared.length);
    // Puts into the archive itself (its logs bucket lets S3's log delivery put, which is not a function).
    const bucket = idOf(plain, plain.archive.bucket);
    const puts = allStatements(plain.templates).filter(({ statement }) => {
      const resources = JSON.stringify(statement.Resource);
      const intoArchive = resources.includes(`"${bucket}"`) || resources.includes('AuditArchiveBucket');
      return (
        statement.Effect === 'Allow' && intoArchive && [statement.Action].flat().some((a) => covers(a, 's3:PutObject'))
      );
    });
    expect(puts).toHaveLength(declared.length);
    for (const { statement } of puts) expect([statement.Action].flat()).toEqual(['s3:PutObject']);
  });

  it('lets no function or policy anywhere delete a copy, change its retention or legal hold, or bypass its lock', () => {
    for (const s of [plain, thirtyDays]) {
      const bucket = idOf(s, s.archive.bucket);
      expect(forbiddenGrants(s.templates, bucket, 'AuditArchiveBucket')).toEqual([]);
    }
  });

  it('would see such a grant: a role allowed s3:Delete* on the bucket, or s3:* on every bucket', () => {
    const stack = new Stack(new App(), 'Wrong');
    const archive = new AuditArchive(stack, 'Archive', { retentionDays: 1 });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:Delete*'], resources: [archive.bucket.arnForObjects('*')] }),
    );
    const other = new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    other.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    const found = forbiddenGrants(
      [Template.fromStack(stack)],
      stack.getLogicalId(archive.bucket.node.defaultChild as CfnElement),
    );
    expect(found.map((f) => f.where).sort()).toEqual([
      expect.stringMatching(/^OtherDefaultPolicy/),
      expect.stringMatching(/^RoleDefaultPolicy/),
    ]);
  });

  it("acknowledges a writer's audit/* for cdk-nag, whether the writer is in the bucket's stack or a nested one", () => {
    const outdir = mkdtempSync(join(tmpdir(), 'archive-writers-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
    const stack = new Stack(app, 'Writers');
    const archive = new AuditArchive(stack, 'Archive', { retentionDays: 1 });
    const writer = (scope: Stack, id: string, acknowledged: boolean) => {
      const fn = new lambda.Function(scope, id, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {};'),
      });
      // What the stack's grant writes for archive:write (lib/portal-stack.ts).
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: archive.writeResources }));
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [archive.key.keyArn] }),
      );
      if (acknowledged) archive.acknowledgeWriter(fn);
      return fn.node.path;
    };
    const nested = new NestedStack(stack, 'Nested');
    const paths = [writer(stack, 'Job', true), writer(nested, 'Route', true), writer(stack, 'Unacknowledged', false)];
    // The findings fail the synth (the functions here acknowledge nothing else): its report stays.
    expect(() => app.synth()).toThrow();
    const wildcards = nagFindings(app, outdir)
      .violations.filter((v) => v.rule.startsWith('AwsSolutions-IAM5') && v.rule.includes('/audit/*'))
      .flatMap((v) => v.paths);
    // The writers themselves pass; the one not acknowledged shows the rule still looks.
    expect(wildcards.filter((p) => p.startsWith(paths[0]!) || p.startsWith(paths[1]!))).toEqual([]);
    expect(wildcards.some((p) => p.startsWith(paths[2]!))).toBe(true);
  });
});
