// Stands in for `server-only` in integration tests: outside Next that package throws on import,
// and the integration tests call server actions (which import app/guards.ts) as plain functions.
export {};
