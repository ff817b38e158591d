import { systemClock, uuidIds } from '../domain/clock.ts';
import { recordFeedback } from '../domain/email-feedback.ts';
import * as contactStore from '../data/contact-store.ts';
import { logger } from '../log.ts';

const deps = { ids: uuidIds, contacts: contactStore };

/**
 * EventBridge invokes this with each bounce or complaint the configuration set publishes (the SES
 * event is the `detail`). A failure throws, so EventBridge retries it and then dead-letters it.
 */
export const handler = async (event: unknown) => {
  const report = await recordFeedback(deps, event, systemClock.now());
  logger.info('email feedback recorded', { ...report });
  return report;
};
