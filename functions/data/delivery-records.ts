// Moved: the types to schemas/outbox.ts, the builder to domain/deliveries.ts. Removed when no module imports this.
export * from '../schemas/outbox.ts';
export { newDelivery } from '../domain/deliveries.ts';
