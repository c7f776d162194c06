// Renamed to scripts/bench-queue.ts. Kept only because scripts/bench-suppliers.ts (owned by
// another branch, wt-search) starts this path for --with-queue: delete it once that script
// starts scripts/bench-queue.ts.
await import('./bench-queue');

export {};
