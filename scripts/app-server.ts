import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningApp {
  baseUrl: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`app server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('app server did not become healthy in time');
}

/**
 * Starts the built app (scripts/server.ts) on a free loopback port for tests and benchmarks,
 * and resolves once /api/health answers. `env` decides the database, and the number of worker
 * processes (one unless it sets WEB_CONCURRENCY: a test's server is one process it can kill).
 */
export async function startAppServer(
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
  /** Receives everything the server writes to stdout and stderr instead of the terminal. */
  onOutput?: (text: string) => void,
  /** Flags for the server's node (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
  nodeArgs: string[] = [],
): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/server.ts'], {
    env: {
      PUBLIC_BASE_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      WEB_CONCURRENCY: '1',
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: onOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  if (onOutput) {
    server.stdout?.setEncoding('utf8').on('data', onOutput);
    server.stderr?.setEncoding('utf8').on('data', onOutput);
  }
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  try {
    await waitForHealth(baseUrl, server, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, process: server, stop };
}
