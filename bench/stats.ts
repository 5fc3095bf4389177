/** Percentiles and a timing loop for latency figures. */

/** Nearest-rank percentile (p in [0, 100]) of already sorted samples; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export type Summary = { median: number; p95: number; n: number };

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

export type LoopOptions = {
  /** Untimed calls first (caches, plans, JIT). */
  warmup?: number;
  minIterations?: number;
  maxIterations?: number;
  /** Stop once this much time was spent (after minIterations). */
  budgetMs?: number;
};

/**
 * Calls `fn` one call at a time and returns each timed call's duration in ms. Timed calls get the iteration number
 * (0, 1, …); warm-up calls get -1, -2, … (so a caller can warm up on other inputs than the first timed ones).
 */
export async function timeLoop(fn: (i: number) => Promise<unknown>, options: LoopOptions = {}): Promise<number[]> {
  const { warmup = 5, minIterations = 20, maxIterations = 1000, budgetMs = 5000 } = options;
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < maxIterations; i++) {
    if (i >= minIterations && performance.now() - started > budgetMs) break;
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Rounds for display and JSON: 3 significant digits below 100, integers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value);
  if (abs >= 10) return Math.round(value * 10) / 10;
  if (abs >= 1) return Math.round(value * 100) / 100;
  return Math.round(value * 1000) / 1000;
}
