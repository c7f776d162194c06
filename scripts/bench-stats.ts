export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]! };
}

export const ms = (v: number) => v.toFixed(1);

/** Runs `run` `warmup` times unmeasured, then `iterations` times; returns the durations in ms. */
export async function timeIt(iterations: number, warmup: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}
