import { sql } from 'drizzle-orm';
import { db, getDatabaseHandle } from '../db/client';
import { startupState } from './startup';

export interface Health {
  status: 'ok' | 'degraded' | 'starting';
  database: { kind: 'pglite' | 'postgres'; ok?: boolean; latencyMs?: number; error?: string };
  uptimeSeconds: number;
}

export async function checkHealth(): Promise<Health> {
  const kind = getDatabaseHandle().kind;
  // While demo data is seeded the (single PGlite) connection is busy: answer without it.
  const state = startupState();
  if (state !== 'ready') {
    return { status: state === 'starting' ? 'starting' : 'degraded', database: { kind }, uptimeSeconds: Math.round(process.uptime()) };
  }
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: 'ok', database: { kind, ok: true, latencyMs }, uptimeSeconds: Math.round(process.uptime()) };
  } catch (error) {
    return {
      status: 'degraded',
      database: { kind, ok: false, error: error instanceof Error ? error.message : 'unreachable' },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
