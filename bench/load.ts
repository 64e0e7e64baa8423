// Closed-loop load: N connections (or N concurrent callers), each sending its next
// request as soon as the previous one answered, for a fixed time. Both sides of a
// comparison record every latency the same way (fractional milliseconds) and are
// summarised by the same code. Every loop is bounded by its deadline.
import autocannon from 'autocannon';

/** What a run recorded: every latency of a successful request, in ms. */
export interface RawRun {
  connections: number;
  seconds: number;
  latencies: number[];
  errors: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Failed requests (errors, timeouts, non-2xx): a run with errors is not a valid figure. */
  errors: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Several runs (rounds of one measurement) as one. */
export function merge(runs: RawRun[]): RawRun {
  return {
    connections: runs[0]?.connections ?? 0,
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
    latencies: runs.flatMap((r) => r.latencies),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

export function summarise({ latencies, seconds, connections, errors }: RawRun): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  const list = Array.from(sorted);
  return {
    connections,
    seconds: round(seconds),
    requests: latencies.length,
    errors,
    rps: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(list, 50), 3),
    p90Ms: round(percentile(list, 90), 3),
    p99Ms: round(percentile(list, 99), 3),
  };
}

/** HTTP GETs with autocannon (keep-alive connections, no pipelining). */
export async function httpLoad(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<RawRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: options.headers, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else errors++;
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return { connections: options.connections, seconds, latencies, errors: errors + result.errors };
}

/** Calls fn from `concurrency` callers in a loop until the time is up. */
export async function closedLoop(
  fn: () => Promise<unknown>,
  options: { concurrency: number; seconds: number },
): Promise<RawRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await fn();
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
        if (errors > 1000) throw new Error('more than 1000 failed calls: stopping this measurement');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  return { connections: options.concurrency, seconds, latencies, errors };
}

/** A short run whose figures are thrown away: JIT, connection pools and caches warm up. */
export async function warmUp(run: (seconds: number) => Promise<RawRun>, seconds: number): Promise<void> {
  await run(Math.max(1, seconds / 4));
}
