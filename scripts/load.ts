import { readdirSync, readFileSync } from 'node:fs';

export interface LoadResult {
  /** Latencies of the answers `isSuccess` accepted, in ms. */
  latencies: number[];
  failures: Map<string, number>;
  seconds: number;
}

/**
 * Keeps `clients` requests in flight for `seconds`: each client sends its next request as soon
 * as the previous one is answered (a closed loop, as browsers and partner systems behave).
 */
export async function runLoad(options: {
  clients: number;
  seconds: number;
  send: (client: number, i: number) => Promise<Response>;
  isSuccess: (response: Response) => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const sent = performance.now();
        let outcome: string;
        try {
          const response = await options.send(client, i);
          await response.arrayBuffer();
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
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
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
  let ticks = 0;
  for (const pid of tree) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
