import { systemClock } from '../domain/deps.ts';
import { sweep, type ObligationHandler } from '../domain/sweep.ts';
import * as obligations from '../data/obligations.ts';

/** Obligation kinds this deployment acts on; the deadlines issue adds its handlers here. */
const HANDLERS: Readonly<Record<string, ObligationHandler>> = {};

/** EventBridge Scheduler invokes this daily; `asOf` (ISO) lets a re-run or simulation pick the date. */
export const handler = async (event: { asOf?: string } = {}) => {
  const asOf = event.asOf ? new Date(event.asOf) : systemClock.now();
  if (Number.isNaN(asOf.getTime())) throw new Error(`Invalid asOf: ${event.asOf}`);
  const report = await sweep({ obligations }, asOf, HANDLERS);
  console.log(JSON.stringify({ level: 'info', message: 'sweep finished', ...report, actions: report.actions.length }));
  return report;
};
