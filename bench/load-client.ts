/**
 * The load generator of bench/load.ts, in a process of its own so that it does not share an
 * event loop with the portal it measures. Reads the plan (URL, companies and tokens, duration)
 * from the file named by argv[2]; prints autocannon's figures and the writes the portal
 * acknowledged (2xx), for the parent to look for in the table.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

interface Plan {
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  readonly companies: { companyId: string; token: string }[];
}
const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Plan;
const acknowledged: { companyId: string; subject: string }[] = [];
const statuses: Record<string, number> = {};
let sequence = 0;

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.seconds,
  requests: [
    {
      setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
        const n = sequence++;
        const company = plan.companies[n % plan.companies.length]!;
        const headers = { authorization: `Bearer ${company.token}`, 'content-type': 'application/json' };
        context.write = undefined;
        // Two reads for each write: the company record, its threads; then a new thread.
        if (n % 3 === 0) return { ...request, method: 'GET', path: `/companies/${company.companyId}`, headers };
        if (n % 3 === 1)
          return { ...request, method: 'GET', path: `/companies/${company.companyId}/threads?limit=5`, headers };
        const subject = `Load ${n}`;
        context.write = { companyId: company.companyId, subject };
        return {
          ...request,
          method: 'POST',
          path: `/companies/${company.companyId}/threads`,
          headers,
          body: JSON.stringify({ subject, body: 'Written under load.' }),
        };
      },
      onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        const write = context.write as { companyId: string; subject: string } | undefined;
        if (write && status >= 200 && status < 300) acknowledged.push(write);
      },
    },
  ] as never,
});

process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    throughput: result.requests.average,
    acknowledged,
  }),
);
