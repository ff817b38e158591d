/**
 * `npm run outbox -- redrive --since 2h`: sends again the email deliveries marked failed since a
 * time (a duration back from now, or an ISO date or time), once their cause is fixed (see
 * the email runbook, EMAIL_RUNBOOK), on a deployed portal (stack CtpatPortal, or `--stack`, `--region`; the AWS
 * SDK's default credentials) or, with `--local`, on the portal `npm start` runs. Each re-driven
 * delivery gets an audit record naming the operator; `--dry-run` only lists.
 */
import '../lib/local/quiet-sdk.ts';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { commandOutput, TARGET_OPTIONS, targetOf, useTarget } from '../lib/admin/target.ts';
import { DEFAULT_STACK_NAME } from '../lib/stack-outputs.ts';
import { parseSince } from '../lib/admin/since.ts';
import { EMAIL_RUNBOOK } from '../functions/definitions/email-failures.ts';

const USAGE = `Usage: npm run outbox -- redrive --since WHEN [--dry-run] [--operator WHO] [--wait SECONDS]
                                [--stack NAME] [--region REGION] [--local]
  Re-sends the email deliveries marked failed since WHEN (30m, 2h, 3d, or an ISO date or time),
  each recipient not sent yet once, through the table's stream as every new email goes.
  Targets the deployed stack ${DEFAULT_STACK_NAME} (or --stack) with the AWS SDK's default credentials, or
  with --local the portal \`npm start\` runs.
  --dry-run lists what would be re-sent and changes nothing.
  --operator names who ran it in the audit records (default: your OS user name).
  --wait follows the new deliveries this long until they are sent (default 120; 0: do not wait).`;

const { log, fail } = commandOutput('outbox');

const parse = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        since: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        operator: { type: 'string', default: userInfo().username },
        wait: { type: 'string', default: '120' },
        ...TARGET_OPTIONS,
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
  if (positionals[0] !== 'redrive' || positionals.length > 1) fail(`Say what to do: redrive.\n${USAGE}`, 2);
  if (!values.since) fail(`--since is required: how far back to look (2h, or an ISO date or time).\n${USAGE}`, 2);
  const waitSeconds = Number(values.wait);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0) fail('--wait takes a whole number of seconds.', 2);
  const target = targetOf(values);
  if ('refused' in target) return fail(target.refused, 2);
  // Checked before any stack is read.
  let since = '';
  try {
    since = parseSince(values.since!, new Date());
  } catch (error) {
    fail((error as Error).message, 2);
  }
  const { env, description } = await useTarget(target, log);
  log(`target: ${description} (table ${env.TABLE_NAME})`);

  // Only now: the portal's modules read the environment when they load.
  const { redriveOutbox } = await import('../lib/admin/redrive-outbox.ts');
  const report = await redriveOutbox(
    { since, dryRun: values['dry-run'], operator: values.operator, host: hostname(), waitSeconds },
    log,
  );
  if (report.followed && report.followed.failed > 0)
    fail(`${report.followed.failed} re-driven deliveries failed again: see ${EMAIL_RUNBOOK} before running again.`);
};

main().catch((error: unknown) => fail(`failed: ${error instanceof Error ? error.message : String(error)}`));
