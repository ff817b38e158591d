import { defaultDeps } from '../domain/deps.ts';
import { sweep, type ObligationHandler } from '../domain/sweep.ts';

/** Obligation kinds this deployment acts on; the deadlines issue adds its handlers here. */
const HANDLERS: Readonly<Record<string, ObligationHandler>> = {};

/** EventBridge Scheduler invokes this daily; `asOf` (ISO) lets a re-run or simulation pick the date. */
export const handler = async (event: { asOf?: string } = {}) => {
  const asOf = event.asOf ? new Date(event.asOf) : defaultDeps.clock.now();
  if (Number.isNaN(asOf.getTime())) throw new Error(`Invalid asOf: ${event.asOf}`);
  const report = await sweep(defaultDeps, asOf, HANDLERS);
  console.log(JSON.stringify({ level: 'info', message: 'sweep finished', ...report, actions: report.actions.length }));
  return report;
};
