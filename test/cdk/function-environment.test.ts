import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { PortalStack } from '../../lib/portal-stack.ts';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { JOBS } from '../../functions/definitions/jobs.ts';
import { EVENT_HANDLERS } from '../../functions/definitions/events.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { stubWebClient } from '../support/web-client.ts';

const run = promisify(execFile);
let functions: { description: string; variables: string[] }[];

beforeAll(() => {
  // Bundling is not what this test is about; skip it to keep the synth quick.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PortalStack(app, 'EnvCheck', {
    senderAddress: 'a@example.gov',
    allowedOrigins: ['https://portal.example.gov'],
    portalUrl: 'https://portal.example.gov',
    programEmail: 'program@example.gov',
    webAssetsPath: stubWebClient(),
  });
  functions = [Template.fromStack(stack), routeStacksTemplate(stack)]
    .flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function')))
    .filter((f) => f.Properties.Runtime === 'nodejs22.x')
    .map((f) => ({
      description: String(f.Properties.Description),
      variables: Object.keys(f.Properties.Environment?.Variables ?? {}),
    }));
}, 120_000);

/** Imports a module in a fresh process that has only `variables` set, as the deployed function would. */
const importsWith = async (module: string, variables: string[]) => {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  // Present, as the stack sets them; the origin list must parse as origins.
  for (const name of variables) env[name] = name === 'ALLOWED_ORIGINS' ? 'https://portal.example.gov' : 'placeholder';
  await run(process.execPath, ['--import', 'tsx', '-e', `await import(${JSON.stringify(module)})`], { cwd: ROOT, env });
};

describe('function environments', () => {
  it('give every route, job, event-handler, stream-consumer and trigger function each variable its code reads at cold start', async () => {
    const targets = [
      ...(ROUTES as readonly RouteDefinition[]).map((r) => ({
        prefix: `${r.method} ${r.path}:`,
        module: `./functions/handlers/${r.handler}.ts`,
      })),
      ...JOBS.map((j) => ({ prefix: j.description.slice(0, 40), module: `./functions/jobs/${j.handler}.ts` })),
      ...EVENT_HANDLERS.map((h) => ({
        prefix: h.description.slice(0, 40),
        module: `./functions/events/${h.handler}.ts`,
      })),
      ...STREAM_CONSUMERS.map((c) => ({
        prefix: c.description.slice(0, 40),
        module: `./functions/streams/${c.handler}.ts`,
      })),
      { prefix: 'Cognito custom email sender', module: './functions/triggers/custom-email-sender.ts' },
    ];
    // A few at a time: each is a fresh Node process.
    for (let i = 0; i < targets.length; i += 4) {
      await Promise.all(
        targets.slice(i, i + 4).map(async ({ prefix, module }) => {
          const fn = functions.find((f) => f.description.startsWith(prefix));
          expect(fn, prefix).toBeDefined();
          await expect(importsWith(module, fn!.variables), module).resolves.toBeUndefined();
        }),
      );
    }
    // A cap, not a figure: about 80 fresh processes, each compiling its module; on CI's two busy
    // cores 180 s was too little once the stream consumers and the MFA set-up routes joined.
  }, 600_000);
});
