import cluster from 'node:cluster';
import os from 'node:os';
import { log } from '../lib/log';

/**
 * How many app processes serve requests: `WEB_CONCURRENCY`, by default one per core on
 * PostgreSQL. The embedded PGlite database belongs to one process (and has one connection),
 * so the demo and `npm run dev` always run one.
 */
export function workerCount(env: Record<string, string | undefined>, dev: boolean): number {
  if (dev || !env.DATABASE_URL) return 1;
  const wanted = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : os.availableParallelism();
}

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_IN_WINDOW = 10;

/**
 * The primary of several app processes: forks `count` workers that share the port (the
 * primary hands out connections in turn), starts a new one when one dies, and stops them all
 * on SIGTERM/SIGINT. Workers share nothing but PostgreSQL, as separate instances do.
 * A worker that keeps dying (a broken start) ends the primary instead of looping.
 */
export function runPrimary(count: number) {
  let stopping = false;
  const recentExits: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits[0]! < now - RESTART_WINDOW_MS) recentExits.shift();
    if (recentExits.length > MAX_RESTARTS_IN_WINDOW) {
      log.error({ event: 'server.workers_failing', restarts: recentExits.length });
      process.exit(1);
    }
    log.warn({ event: 'server.worker_exited', pid: worker.process.pid, code, signal });
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  log.info({ event: 'server.workers', count });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'server.stopping', signal });
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
