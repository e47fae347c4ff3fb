import os from "node:os";
import type autocannon from "autocannon";

/** Latency summaries in milliseconds. */
export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number };

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

/** Times `iterations` calls of `fn`, one sample each. */
export async function sampleCalls(fn: () => Promise<unknown>, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times, timing each call. */
export async function timeCalls(fn: () => Promise<unknown>, warmup: number, iterations: number): Promise<Summary> {
  await sampleCalls(fn, warmup);
  return summarize(await sampleCalls(fn, iterations));
}

export type Timed = { name: string; run: () => Promise<unknown> };
export type Measured = { name: string; summary: Summary };

/**
 * Times every suite's calls round-robin, one call of each per round, so that background load on a
 * shared machine falls on all suites (say, all lineage sizes) alike and their ratios stay fair.
 */
export async function measureInterleaved(suites: Timed[][], warmup: number, iterations: number): Promise<Measured[][]> {
  for (const suite of suites) for (const t of suite) await sampleCalls(t.run, warmup);
  const samples = suites.map((suite) => suite.map(() => [] as number[]));
  for (let r = 0; r < iterations; r++) {
    for (const [i, suite] of suites.entries()) {
      for (const [j, t] of suite.entries()) samples[i]![j]!.push(...(await sampleCalls(t.run, 1)));
    }
  }
  return suites.map((suite, i) => suite.map((t, j) => ({ name: t.name, summary: summarize(samples[i]![j]!) })));
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

/** Calls per second when `concurrency` callers run `calls` in turn for `seconds`: the database's share of a route's ceiling. */
export async function callsPerSecond(calls: Timed[], concurrency: number, seconds: number): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) await calls[done++ % calls.length]!.run();
    }),
  );
  return done / seconds;
}

/** What the reports quote of an autocannon run. */
export type LoadResult = { requests: number; errors: number; non2xx: number; rps: number; p50Ms: number; p99Ms: number };

export const loadResult = (r: autocannon.Result): LoadResult => ({
  requests: r.requests.total,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
  rps: r.requests.average,
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
});

/** The machine's load when a row was measured (2 shared cores: the numbers move with it). */
export const loadNote = () => {
  const [one, five] = os.loadavg();
  return `load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min) on ${os.cpus().length} cores`;
};
