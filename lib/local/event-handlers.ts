import { EVENT_HANDLERS, type EventHandlerDefinition } from '../../functions/definitions/events.ts';
import { runAs } from './iam.ts';

type EventHandler = (event: unknown) => Promise<unknown>;
export type EventHandlerId = (typeof EVENT_HANDLERS)[number]['id'];

/**
 * An event handler as AWS would invoke it: as its own function, whose SDK calls the local IAM
 * stand-in holds to its declared access. Locally nothing emits these events (no EventBridge, and
 * the SES emulator publishes none), so tests feed recorded ones through this.
 */
export const loadEventHandler = async (id: EventHandlerId): Promise<EventHandler> => {
  const definition = (EVENT_HANDLERS as readonly EventHandlerDefinition[]).find((h) => h.id === id);
  if (!definition) throw new Error(`No event handler ${id} in the event table`);
  const { handler } = (await import(`../../functions/events/${definition.handler}.ts`)) as { handler: EventHandler };
  return (event) => runAs({ name: `event handler ${definition.id}`, access: definition.access }, () => handler(event));
};
