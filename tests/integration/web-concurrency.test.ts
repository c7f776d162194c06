import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startAppServer } from '../../scripts/app-server';
import { ensureBuild } from '../../scripts/ensure-build';
import { workerCount } from '../../scripts/workers';
import { validRequest } from '../helpers/fixtures';
import { testServerUrl } from '../helpers/test-database';

describe('the number of app processes', () => {
  it('is one per core on PostgreSQL, WEB_CONCURRENCY when set, and always one on PGlite or in development', () => {
    const postgres = { DATABASE_URL: 'postgres://lotse@db/lotse' };
    expect(workerCount(postgres, false)).toBeGreaterThanOrEqual(1);
    expect(workerCount({ ...postgres, WEB_CONCURRENCY: '3' }, false)).toBe(3);
    expect(workerCount({ ...postgres, WEB_CONCURRENCY: 'viele' }, false)).toBe(workerCount(postgres, false));
    expect(workerCount({ WEB_CONCURRENCY: '3' }, false)).toBe(1);
    expect(workerCount({ ...postgres, WEB_CONCURRENCY: '3' }, true)).toBe(1);
  });
});

// Which worker answered, from the request log line each worker writes.
const servedBy = (output: string[]) =>
  output
    .join('')
    .split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { event?: string; path?: string; pid?: number };
        return entry.event === 'request' && entry.path === '/api/health' && entry.pid ? [entry.pid] : [];
      } catch {
        return [];
      }
    });

describe.skipIf(!testServerUrl())('two worker processes (skipped on PGlite: one process owns an embedded database)', () => {
  let app: RunningApp;
  const output: string[] = [];

  beforeAll(async () => {
    ensureBuild();
    app = await startAppServer(
      { ...process.env, NEXTAUTH_SECRET: 'worker-test-secret', WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' },
      120_000,
      (text) => output.push(text),
    );
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
  });

  // A new connection per request, as many clients make: a kept-alive one would stay with the
  // worker that accepted it (and die with it), which says nothing about the primary's routing.
  const healthStatus = () =>
    new Promise<number>((resolve, reject) => {
      get(`${app.baseUrl}/api/health`, { agent: false }, (response) => {
        response.resume().on('end', () => resolve(response.statusCode ?? 0));
      }).on('error', reject);
    });

  async function healthChecks(n: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push(await healthStatus());
    return statuses;
  }

  it('leave compression to the reverse proxy (it cost each small JSON answer a gzip stream)', async () => {
    const response = await fetch(`${app.baseUrl}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
      body: JSON.stringify(validRequest()),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('serve requests in turn, and a killed worker is replaced while the other one serves', async () => {
    // The server answers once one worker is up; each worker's health says "starting" (503)
    // until its own start is done, so wait until both answer healthy.
    let first = new Set<number>();
    const started = Date.now() + 60_000;
    for (let healthy = false; !healthy && Date.now() < started; ) {
      output.length = 0;
      const statuses = await healthChecks(20);
      first = new Set(servedBy(output));
      healthy = first.size === 2 && statuses.every((status) => status === 200);
    }
    expect(first.size).toBe(2);

    const [victim, survivor] = [...first] as [number, number];
    output.length = 0;
    process.kill(victim, 'SIGKILL');
    // Once the primary has seen the death (at once; a connection handed to the worker in that
    // same instant is lost, a limit of node:cluster), the other worker serves everything.
    const deadline = Date.now() + 60_000;
    while (!output.join('').includes('"server.worker_exited"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The victim's last log lines stand before the primary's note of its death in the shared
    // stdout; only what comes after that note counts.
    const sinceDeath = output.join('');
    output.length = 0;
    output.push(sinceDeath.slice(sinceDeath.indexOf('"server.worker_exited"')));
    // Every request is answered: by the survivor, or by the replacement, whose health says
    // "starting" (503) until its start is done.
    const afterDeath = await healthChecks(10);
    expect(afterDeath.every((status) => status === 200 || status === 503)).toBe(true);
    expect(servedBy(output)).not.toContain(victim);

    let replacement: number | undefined;
    while (!replacement && Date.now() < deadline) {
      output.length = 0;
      await healthChecks(10);
      replacement = servedBy(output).find((pid) => pid !== victim && pid !== survivor);
    }
    expect(replacement).toBeDefined();
    expect(app.process.exitCode).toBeNull();
  }, 90_000);
});
