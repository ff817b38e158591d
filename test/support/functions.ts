/**
 * The jobs and the event handler as AWS runs them: each as its own function, so the local IAM
 * stand-in holds its SDK calls to its declared access (`lib/local/iam.ts`). Tests run them only
 * through these, never by importing the handler module (a unit test checks).
 */
import { loadJob } from '../../lib/local/scheduler.ts';
import { loadEventHandler } from '../../lib/local/event-handlers.ts';

type HandlerOf<M> = M extends { handler: infer H } ? H : never;

export const sweepJob = async () =>
  (await loadJob('dailySweep')) as HandlerOf<typeof import('../../functions/jobs/sweep.ts')>;
export const sendOutboxJob = async () =>
  (await loadJob('sendOutbox')) as HandlerOf<typeof import('../../functions/jobs/send-outbox.ts')>;
export const fanOutJob = async () =>
  (await loadJob('fanOutAlerts')) as HandlerOf<typeof import('../../functions/jobs/fan-out-alerts.ts')>;
export const chainAuditTrailJob = async () =>
  (await loadJob('chainAuditTrail')) as HandlerOf<typeof import('../../functions/jobs/chain-audit-trail.ts')>;
export const verifyAuditChainsJob = async () =>
  (await loadJob('verifyAuditChains')) as HandlerOf<typeof import('../../functions/jobs/verify-audit-chains.ts')>;
export const emailFeedbackHandler = async () =>
  (await loadEventHandler('emailFeedback')) as HandlerOf<typeof import('../../functions/events/email-feedback.ts')>;
