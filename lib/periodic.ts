import { logError } from './log';

/**
 * Runs a background job of an app instance every `intervalMs` (first after `firstDelayMs`),
 * never two runs at once; a failure is logged under `<name>.error` and the next run tries again.
 */
export function runPeriodically(name: string, job: () => Promise<unknown>, intervalMs: number, firstDelayMs = intervalMs): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      logError(`${name}.error`, error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, firstDelayMs);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
