/**
 * The event table: functions that AWS events invoke (not a route, not a schedule), as plain
 * data. The CDK stack builds each function with an EventBridge rule for its source, retries and
 * an alarmed dead-letter queue; locally nothing emits these events, so tests feed recorded ones
 * to the handler (docs/emulators.md).
 */
import type { Access } from './routes.ts';

export interface EventHandlerDefinition {
  /** Stable id: the construct id. */
  readonly id: string;
  /** Module under `functions/events/` exporting `handler`. */
  readonly handler: string;
  /** What invokes it: `ses-feedback` is the configuration set's bounce and complaint events on the default bus. */
  readonly source: 'ses-feedback';
  readonly description: string;
  readonly access: readonly Access[];
}

export const EVENT_HANDLERS = [
  {
    id: 'emailFeedback',
    handler: 'email-feedback',
    source: 'ses-feedback',
    description:
      'SES bounce and complaint events: marks the address unreachable and flags each company whose POC or secondary contact it is',
    access: ['table:read', 'table:write'],
  },
] as const satisfies readonly EventHandlerDefinition[];
