/**
 * The test file's stream poller (`lib/local/stream-poller.ts`): started on the file's own table by
 * `integration-setup.ts`, so new outbox deliveries are sent off the request path as in AWS.
 */
import type { StreamPoller } from '../../lib/local/stream-poller.ts';

let current: StreamPoller | undefined;

export const useStreamPoller = (poller: StreamPoller): void => {
  current = poller;
};

/** The poller reading this file's table. */
export const streamPoller = (): StreamPoller => {
  if (!current) throw new Error('No stream poller: integration-setup.ts starts one for each test file');
  return current;
};
