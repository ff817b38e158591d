/**
 * `npm run audit:verify -- [companyId]`: verifies a company's audit hash chain in full (or every
 * company's): every link, every chained record still as chained, and every record of the trail
 * chained (decision 80); names the first broken record of each broken one; exits 1 when any is broken.
 * Targets the deployed stack (its outputs, the AWS SDK's default credentials), `--local` the
 * portal `npm start` runs, or `--env` the table the environment names (TABLE_NAME and the
 * standard AWS_ENDPOINT_URL_DYNAMODB), as the tests do.
 */
import '../lib/local/quiet-sdk.ts';
import { parseArgs } from 'node:util';
import { commandOutput, TARGET_OPTIONS, targetOf, useTarget } from '../lib/admin/target.ts';
import { DEFAULT_STACK_NAME } from '../lib/stack-outputs.ts';

const USAGE = `Usage: npm run audit:verify -- [COMPANY_ID] [--stack NAME] [--region REGION] [--local] [--env]
  Verifies the audit hash chain of COMPANY_ID, or of every company, from its first record to its
  head, and names the first broken record. Exit status: 0 intact, 1 broken, 2 could not verify.
  Targets the deployed stack ${DEFAULT_STACK_NAME} (or --stack), --local the portal \`npm start\` runs,
  or --env the table this shell's environment names (TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB).`;

const output = commandOutput('audit:verify');
const log = output.log;
// Exit status 2: could not verify (1 is kept for a broken chain).
const fail = (message: string, code = 2): never => output.fail(message, code);

const parse = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        ...TARGET_OPTIONS,
        env: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
};

const main = async () => {
  const { values, positionals } = parse();
  if (values.help) return console.log(USAGE);
  if (positionals.length > 1) fail(`At most one company id.\n${USAGE}`);
  if ([values.local, values.env, Boolean(values.stack || values.region)].filter(Boolean).length > 1)
    fail('Choose one target: --local, --env, or --stack/--region.');
  if (values.env) {
    if (!process.env.TABLE_NAME) fail('--env reads TABLE_NAME from the environment, and it is not set.');
  } else {
    const target = targetOf(values);
    if ('refused' in target) return fail(target.refused);
    const { description } = await useTarget(target, log);
    log(`target: ${description}`);
  }
  log(`table ${process.env.TABLE_NAME}`);

  // Only now: the portal's modules read the environment when they load.
  const chains = await import('../functions/data/audit-chain-store.ts');
  const { verifyFully } = await import('../functions/domain/audit-chain.ts');
  const { systemClock: clock } = await import('../functions/domain/clock.ts');
  const [only] = positionals;
  const ids = only ? [only] : await chains.chainIds();
  if (ids.length === 0) return log('no company has an audit chain yet.');
  let broken = 0;
  for (const companyId of ids) {
    const report = await verifyFully({ chains, clock }, companyId);
    if (only && !report.head && report.beforeChain === 0 && report.pending === 0 && !report.broken)
      fail(`company ${companyId} has no audit records: is the id right?`);
    const head = report.head ? `head seq ${report.head.seq}` : 'no head';
    const before = report.beforeChain ? `, ${report.beforeChain} from before the chain` : '';
    const pending = report.pending ? `, ${report.pending} not chained yet (the chainer's next run)` : '';
    if (!report.broken) {
      log(`intact  ${companyId}: ${report.checked} chained records${before}${pending}, ${head}`);
      continue;
    }
    broken += 1;
    const { seq, position, problem } = report.broken;
    const where = [seq !== undefined ? `seq ${seq}` : '', position ? `record ${position}` : '']
      .filter(Boolean)
      .join(', ');
    log(`BROKEN  ${companyId}: first broken record ${where}: ${problem} (${head})`);
  }
  log(`${ids.length - broken} of ${ids.length} chains intact`);
  if (broken > 0) process.exit(1);
};

main().catch((error: unknown) => fail(`failed: ${error instanceof Error ? error.message : String(error)}`));
