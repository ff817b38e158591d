// Moved to domain/audit.ts (the builder) and schemas/audit.ts (the record). Removed when no module imports this.
export * from '../domain/audit.ts';
