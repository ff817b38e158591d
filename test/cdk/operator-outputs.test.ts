/**
 * The outputs `npm run admin` reads (lib/stack-outputs.ts): the stack publishes each, with the
 * value its functions get, and they are enough for the command's core to load as a function does.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { PortalStack } from '../../lib/portal-stack.ts';
import type { PortalUserPool } from '../../lib/constructs/user-pool.ts';
import { OPERATOR_OUTPUTS } from '../../lib/stack-outputs.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { stubWebClient } from '../support/web-client.ts';

const run = promisify(execFile);
let stack: PortalStack;
let template: Template;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new PortalStack(app, 'OutputsCheck', {
    senderAddress: 'no-reply@ctpat.example.gov',
    allowedOrigins: [],
    portalUrl: 'https://portal.example.gov',
    programEmail: 'program@cbp.example.gov',
    webAssetsPath: stubWebClient(),
  });
  template = Template.fromStack(stack);
}, 120_000);

const outputValue = (id: string): unknown => template.findOutputs(id)[id]?.Value;

describe('stack outputs for npm run admin', () => {
  it('publish the table, both user pools and their clients, and the program mailbox', () => {
    const pool = (id: string) => stack.node.findChild(id) as PortalUserPool;
    const table = stack.node.findChild('Table') as dynamodb.Table;
    expect(outputValue('TableName')).toEqual(stack.resolve(table.tableName));
    expect(outputValue('UserPoolId')).toEqual(stack.resolve(pool('Users').pool.userPoolId));
    expect(outputValue('UserPoolClientId')).toEqual(stack.resolve(pool('Users').client.userPoolClientId));
    expect(outputValue('StaffUserPoolId')).toEqual(stack.resolve(pool('StaffUsers').pool.userPoolId));
    expect(outputValue('StaffUserPoolClientId')).toEqual(stack.resolve(pool('StaffUsers').client.userPoolClientId));
    expect(outputValue('ProgramEmail')).toBe('program@cbp.example.gov');
    for (const id of Object.keys(OPERATOR_OUTPUTS)) expect(outputValue(id), id).toBeDefined();
  });

  it('publish the API and the web portal (what npm run smoke walks) and the alarms topic', () => {
    expect(outputValue('ApiUrl')).toEqual(stack.resolve(stack.api.api.url));
    expect(outputValue('PortalUrl')).toEqual(stack.resolve(stack.web.url));
    const topics = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    expect(outputValue('AlarmTopicArn')).toEqual({ Ref: topics[0] });
  });

  it("cover every variable POST /staff's function has but the browser origins and Node's options", () => {
    const addStaff = Object.values(routeStacksTemplate(stack).findResources('AWS::Lambda::Function')).find((f) =>
      String(f.Properties.Description).startsWith('POST /staff:'),
    );
    const variables = Object.keys(addStaff?.Properties.Environment?.Variables ?? {});
    expect(variables).toContain('STAFF_USER_POOL_ID');
    const published: string[] = Object.values(OPERATOR_OUTPUTS);
    // The origins answer browsers (CORS); NODE_OPTIONS is the Lambda runtime's (source maps), not the portal's.
    const notConfig = ['ALLOWED_ORIGINS', 'NODE_OPTIONS'];
    expect(variables.filter((v) => !notConfig.includes(v) && !published.includes(v))).toEqual([]);
  });

  it("are enough for the command's core to load, in a process with only them set", async () => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    for (const name of Object.values(OPERATOR_OUTPUTS)) env[name] = 'placeholder';
    const script = 'await import("./lib/admin/create-administrator.ts")';
    await expect(run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env })).resolves.toBeDefined();
    delete env.STAFF_USER_POOL_ID;
    await expect(run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env })).rejects.toThrow(
      /STAFF_USER_POOL_ID/,
    );
  });
});
