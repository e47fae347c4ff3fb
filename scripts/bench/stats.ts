/** Latency summaries in milliseconds. */
export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number };

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times, timing each call. */
export async function timeCalls(fn: () => Promise<unknown>, warmup: number, iterations: number): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
