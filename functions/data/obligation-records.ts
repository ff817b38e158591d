// Moved: the types to schemas/obligations.ts, the builder to domain/obligations.ts. Removed when no module imports this.
export type { Obligation, ObligationOwner } from '../schemas/obligations.ts';
export { openObligation } from '../domain/obligations.ts';
