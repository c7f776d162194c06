import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface LoadResult {
  /** Latencies of the answers `isSuccess` accepted, in ms. */
  latencies: number[];
  failures: Map<string, number>;
  seconds: number;
  /** CPU time (user + system, ms) this process spent meanwhile: the load generator's own cost. */
  cpuMs: number;
}

/** What the load loop needs of an answer; its body has been read to the end. */
export interface Answer {
  status: number;
}

/**
 * A lean HTTP/1.1 client for load runs: Node's `http.request` over a keep-alive agent with one
 * socket per client. The load generator shares the machine's cores with the server, and undici's
 * `fetch` (WHATWG Request/Response, web streams) costs it several times the CPU per request.
 */
export function httpClient(baseUrl: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const origin = new URL(baseUrl);
  return {
    send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
      return new Promise((resolve, reject) => {
        const call = request(
          {
            agent,
            host: origin.hostname,
            port: origin.port,
            method,
            path,
            headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            response.on('error', reject);
            response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
            response.resume(); // read and discard the body
          },
        );
        call.on('error', reject);
        call.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * Keeps `clients` requests in flight for `seconds`: each client sends its next request as soon
 * as the previous one is answered (a closed loop, as browsers and partner systems behave).
 */
export async function runLoad(options: {
  clients: number;
  seconds: number;
  send: (client: number, i: number) => Promise<Answer>;
  isSuccess: (answer: Answer) => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const sent = performance.now();
        let outcome: string;
        try {
          const response = await options.send(client, i);
          if (options.isSuccess(response)) {
            latencies.push(performance.now() - sent);
            continue;
          }
          outcome = `HTTP ${response.status}`;
        } catch (error) {
          outcome = error instanceof Error ? error.message : String(error);
        }
        failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, failures, seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system, ms) a process and all its descendants have used so far: the app
 * server may run as a primary with forked workers. Linux only (/proc).
 */
export function processTreeCpuMs(root: number): number {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of pids) {
      const parent = parentOf(pid);
      if (!tree.has(pid) && parent !== undefined && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += processCpuMs(pid) ?? 0;
  return total;
}

/** CPU time (user + system, ms) one process has used so far; undefined once it has exited. Linux only. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return undefined;
  }
}
