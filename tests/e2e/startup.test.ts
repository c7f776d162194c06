import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/app-server';
import { spawn, type ChildProcess } from 'node:child_process';
import { freshAppEnvironment } from '../helpers/app-environment';

let server: ChildProcess | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await drop?.();
});

interface Probe {
  status: number;
  body: { status?: string };
  ms: number;
  announced: boolean;
}

// Demo mode is the embedded database without DATABASE_URL: on PostgreSQL nothing is seeded.
describe.skipIf(Boolean(process.env.DATABASE_URL))('start of a demo installation', () => {
  it('answers /api/health with "starting" while demo data is seeded and says "Lotse läuft" only once healthy', async () => {
    const environment = await freshAppEnvironment();
    drop = environment.drop;
    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
      env: { ...environment.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
    server.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));

    const probes: Probe[] = [];
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const started = performance.now();
      const announced = output.includes('Lotse läuft');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        probes.push({
          status: response.status,
          body: (await response.json()) as Probe['body'],
          ms: performance.now() - started,
          announced,
        });
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const starting = probes.filter((p) => p.body.status === 'starting');
    expect(starting.length).toBeGreaterThan(1);
    expect(starting.every((p) => p.status === 503 && !p.announced)).toBe(true);
    // Once the app is up, "starting" comes back at once instead of waiting for the seeding.
    expect(Math.max(...starting.slice(1).map((p) => p.ms))).toBeLessThan(1000);
    expect(probes.at(-1)?.status).toBe(200);
    await expect.poll(() => output.includes('Lotse läuft'), { timeout: 5000 }).toBe(true);
  }, 200_000);
});
