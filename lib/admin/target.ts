/**
 * Where an operator's command acts: a deployed stack (its CloudFormation outputs) or the portal
 * `npm start` runs. Either way it comes down to the environment the portal's functions have, so
 * what runs next is the same code with the same variables.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { runningPortal, RUNTIME_FILE } from '../local/running-portal.ts';
import { DEFAULT_STACK_NAME, environmentFromOutputs } from '../stack-outputs.ts';

export type Target =
  | { readonly kind: 'local' }
  | { readonly kind: 'stack'; readonly stackName: string; readonly region?: string };

export interface ResolvedTarget {
  /** Set on the process before any of the portal's modules is imported (they read it at load). */
  readonly env: Record<string, string>;
  /** For the operator: what the command acts on. */
  readonly description: string;
}

/** Stack states in which the portal's resources stand as a deployment left them. */
const USABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE']);

/** The functions' environment for the target; fails with what to do when there is none. */
export const resolveTarget = async (target: Target): Promise<ResolvedTarget> => {
  if (target.kind === 'local') {
    const running = runningPortal();
    if (!running)
      throw new Error(`No local portal is running (${RUNTIME_FILE} names none): start it with \`npm start\` first.`);
    return { env: running.env, description: `the local portal (npm start, pid ${running.pid})` };
  }
  // The SDK's default credentials and region (environment, profile, SSO), unless --region says.
  const client = new CloudFormationClient(target.region ? { region: target.region } : {});
  try {
    const region = await client.config.region().catch(() => {
      throw new Error('No AWS region: pass --region, or set AWS_REGION or a region in your AWS profile.');
    });
    const answer = await client.send(new DescribeStacksCommand({ StackName: target.stackName })).catch((error) => {
      throw new Error(`Cannot read stack ${target.stackName} in ${region}: ${(error as Error).message}`);
    });
    const stack = answer.Stacks?.[0];
    if (!stack) throw new Error(`There is no stack ${target.stackName} in ${region}.`);
    if (!USABLE.has(stack.StackStatus ?? ''))
      throw new Error(`Stack ${target.stackName} is ${stack.StackStatus}: wait for a successful deployment.`);
    return {
      env: { AWS_REGION: region, ...environmentFromOutputs(target.stackName, stack.Outputs ?? []) },
      description: `stack ${target.stackName} in ${region}`,
    };
  } finally {
    client.destroy();
  }
};

/** The options that name a target, for `parseArgs` (every operator command takes them). */
export const TARGET_OPTIONS = {
  stack: { type: 'string' },
  region: { type: 'string' },
  local: { type: 'boolean', default: false },
} as const;

/** An operator command's output: lines tagged with its name, and a failure that exits. */
export const commandOutput = (name: string) => ({
  log: (line: string) => console.log(`[${name}] ${line}`),
  fail: (message: string, code = 1): never => {
    console.error(`[${name}] ${message}`);
    process.exit(code);
  },
});

/** The target the options name, or the reason they contradict each other. */
export const targetOf = (values: {
  readonly stack?: string;
  readonly region?: string;
  readonly local?: boolean;
}): Target | { readonly refused: string } => {
  if (values.local && (values.stack || values.region))
    return { refused: '--local acts on the local portal: drop --stack and --region.' };
  return values.local
    ? { kind: 'local' }
    : {
        kind: 'stack',
        stackName: values.stack ?? DEFAULT_STACK_NAME,
        ...(values.region ? { region: values.region } : {}),
      };
};

/**
 * Puts the target's environment on this process, saying what it reads: call it before importing
 * any of the portal's modules, which read the environment when they load.
 */
export const useTarget = async (target: Target, log: (line: string) => void): Promise<ResolvedTarget> => {
  log(
    target.kind === 'local'
      ? "reading the running local portal's environment ..."
      : `reading ${target.stackName}'s outputs ...`,
  );
  const resolved = await resolveTarget(target);
  Object.assign(process.env, resolved.env);
  return resolved;
};
