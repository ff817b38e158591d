/**
 * `npm run admin -- create --email someone@cbp.gov [--name "..."]`: adds a CBP administrator to a
 * deployed portal (stack CtpatPortal, or `--stack`, `--region`; the AWS SDK's default credentials)
 * or, with `--local`, to the portal `npm start` runs. After a deployment nobody can sign in until
 * this has added the first one; where administrators exist it asks for `--yes-another-admin`.
 */
import '../lib/local/quiet-sdk.ts';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { commandOutput, TARGET_OPTIONS, targetOf, useTarget } from '../lib/admin/target.ts';
import { DEFAULT_STACK_NAME } from '../lib/stack-outputs.ts';

const USAGE = `Usage: npm run admin -- create --email ADDRESS [--name "Full Name"] [--operator WHO]
                              [--stack NAME] [--region REGION] [--local] [--yes-another-admin]
       npm run admin -- assign-svi-codes [--operator WHO] [--stack NAME] [--region REGION] [--local]
  assign-svi-codes gives every company enrolled before status-verification codes existed its code,
  each with an audit record; companies that have one keep it, so it is safe to run again.
  Adds a CBP administrator: an identity in the staff user pool, a membership, an audit record and
  an invitation email with a temporary password. Targets the deployed stack ${DEFAULT_STACK_NAME} (or --stack) with the
  AWS SDK's default credentials, or with --local the portal \`npm start\` runs.
  --operator names who ran it in the audit record (default: your OS user name).
  --yes-another-admin confirms adding one where administrators exist already.`;

const { log, fail } = commandOutput('admin');

const parse = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string', default: 'CBP Administrator' },
        operator: { type: 'string', default: userInfo().username },
        ...TARGET_OPTIONS,
        'yes-another-admin': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
};

const main = async () => {
  const { values, positionals } = parse();
  if (values.help) return console.log(USAGE);
  if (positionals[0] === 'assign-svi-codes' && positionals.length === 1) return assignCodes(values);
  if (positionals[0] !== 'create' || positionals.length > 1)
    fail(`Say what to do: create or assign-svi-codes.\n${USAGE}`, 2);
  if (!values.email) fail(`--email is required: the new administrator's address.\n${USAGE}`, 2);
  const target = targetOf(values);
  if ('refused' in target) return fail(target.refused, 2);
  const { env, description } = await useTarget(target, log);
  log(`target: ${description} (table ${env.TABLE_NAME}, staff user pool ${env.STAFF_USER_POOL_ID})`);

  // Only now: the portal's modules read the environment when they load.
  const { createAdministrator } = await import('../lib/admin/create-administrator.ts');
  const { AdministratorsExist } = await import('../functions/domain/staff.ts');
  const { HttpError } = await import('../functions/errors.ts');
  try {
    await createAdministrator(
      {
        email: values.email!,
        name: values.name,
        operator: values.operator,
        host: hostname(),
        another: values['yes-another-admin'],
      },
      log,
    );
  } catch (error) {
    if (error instanceof AdministratorsExist)
      fail(
        `refused: ${error.message}\n[admin] They can add staff on the portal; to add another anyway, run again with --yes-another-admin.`,
      );
    if (error instanceof HttpError) fail(`refused (${error.status}): ${error.message}`);
    throw error;
  }
  log(
    target.kind === 'local'
      ? `the invitation (temporary password) goes out from the outbox to the mail inbox: ${env.AWS_ENDPOINT_URL_SESV2 ?? 'see npm start'}`
      : 'the invitation (temporary password) goes out from the outbox by email.',
  );
  log('at first sign-in they choose a password and set up an authenticator app (the staff pool requires one).');
};

/** `assign-svi-codes`: the one-off migration of decision 85. */
const assignCodes = async (values: ReturnType<typeof parse>['values']) => {
  const target = targetOf(values);
  if ('refused' in target) return fail(target.refused, 2);
  const { env, description } = await useTarget(target, log);
  log(`target: ${description} (table ${env.TABLE_NAME})`);
  const { assignSviCodes } = await import('../lib/admin/assign-svi-codes.ts');
  await assignSviCodes({ operator: values.operator, host: hostname() }, log);
};

main().catch((error: unknown) => fail(`failed: ${error instanceof Error ? error.message : String(error)}`));
