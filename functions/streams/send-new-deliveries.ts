import type { DynamoDBStreamEvent } from 'aws-lambda';
import { systemClock } from '../domain/clock.ts';
import { sendNew } from '../domain/outbox.ts';
import * as outboxStore from '../data/outbox-store.ts';
import * as email from '../data/email.ts';
import { logger } from '../log.ts';

const deps = { clock: systemClock, outbox: outboxStore, mailer: email };

/**
 * Invoked by the table's stream with new outbox deliveries only (the filters of both its
 * consumers in `definitions/stream-consumers.ts`: cargo security alerts, and every delivery),
 * moments after the transaction that decided each commits: the request that made it has already
 * answered. A delivery it cannot send now is the scheduled sender's to retry, so only a record it
 * cannot read fails the batch (retried, split, then put on the alarmed on-failure queue).
 */
export const handler = async (event: DynamoDBStreamEvent) => {
  const deliveries = event.Records.map((r) => {
    if (!r.dynamodb?.NewImage) throw new Error(`Stream record ${r.eventID} has no new image`);
    return outboxStore.fromStreamImage(r.dynamodb.NewImage);
  });
  const outcomes = await sendNew(deps, deliveries);
  const report = { records: deliveries.length, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for (const outcome of outcomes) report[outcome] += 1;
  logger.info('new deliveries sent', { ...report });
  return report;
};
