/**
 * Where an operator's command acts: a deployed stack (its CloudFormation outputs) or the portal
 * `npm start` runs. Either way it comes down to the environment the portal's functions have, so
 * what runs next is the same code with the same variables.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { runningPortal, RUNTIME_FILE } from '../local/running-portal.ts';
import { environmentFromOutputs } from '../stack-outputs.ts';

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
