/**
 * The stack outputs an operator's command reads to act on a deployment as the portal's functions
 * do (`npm run admin`): each output and the environment variable it becomes. The stack declares
 * one `CfnOutput` per entry, so the two cannot drift apart.
 */
export const OPERATOR_OUTPUTS = {
  TableName: 'TABLE_NAME',
  UserPoolId: 'USER_POOL_ID',
  UserPoolClientId: 'USER_POOL_CLIENT_ID',
  StaffUserPoolId: 'STAFF_USER_POOL_ID',
  StaffUserPoolClientId: 'STAFF_USER_POOL_CLIENT_ID',
  ProgramEmail: 'PROGRAM_EMAIL',
} as const;

export type OperatorOutput = keyof typeof OPERATOR_OUTPUTS;

/** The CDK app's stack (lib/portal-app.ts). */
export const DEFAULT_STACK_NAME = 'CtpatPortal';

/**
 * The functions' environment from a stack's outputs (as `DescribeStacks` answers them); a
 * missing output names itself, as a stack deployed before the output existed would lack it.
 */
export const environmentFromOutputs = (
  stackName: string,
  outputs: ReadonlyArray<{ OutputKey?: string; OutputValue?: string }>,
): Record<string, string> => {
  const values = new Map(outputs.map((o) => [o.OutputKey, o.OutputValue]));
  const missing = Object.keys(OPERATOR_OUTPUTS).filter((key) => !values.get(key));
  if (missing.length > 0)
    throw new Error(
      `Stack ${stackName} has no output ${missing.join(', ')}: deploy this version of the portal first (npx cdk deploy).`,
    );
  return Object.fromEntries(
    Object.entries(OPERATOR_OUTPUTS).map(([output, variable]) => [variable, values.get(output) as string]),
  );
};
