import { processTree, rssBytes } from "./proc";
import { percentile } from "./stats";

/**
 * The serving process's memory during a load run: its RSS sampled every second, and its live heap after a full
 * collection before, halfway through and after the run (bench/heap-probe.ts). MB = 2^20 bytes. The two bounds:
 *
 * - **Footprint: peak RSS growth ≤ 300 MB** (peak RSS during the run minus the RSS before it, once the pages were
 *   rendered a few times). The idle server holds ~140 MB; 300 MB more keeps it, loaded, under ~450 MB, so that it
 *   fits a 512 MB–1 GB instance next to its database. It depends on V8's heap sizing as much as on the app: on a
 *   host with plenty of memory (24 GB here) V8 grows the heap by tens of MB every few seconds under load rather
 *   than collect harder, and does not give the pages back when idle (25 s of idling lowered nothing); with the old
 *   space capped (`--max-old-space-size=192`) a 30 s run stayed at ≤ 290 MB RSS without errors. In a container
 *   with a memory limit Node sizes its heap from the cgroup. So this row says what the server costs with the
 *   defaults on a big host; the next one says whether it leaks.
 * - **Leak: retained heap per request ≤ 4 kB** (heap used after two forced full collections, the server idle after
 *   the run and a short settle, minus the same before it, divided by the responses served). Garbage does not count
 *   there, whatever V8's sizing; what is kept per request does. Per request, because a leak grows with the requests
 *   served, not with the clock. The first reading follows a warm-up under the same load: what fills once under
 *   concurrency (optimized code, pools, buffers, Next's and the app's caches) must be in it. Without the warm-up
 *   this row read 36–107 kB per request, which looked like a leak; it was not one: on one server, six loads in a
 *   row of 200 clients left 171, 132, 118, 164, 161 and 157 MB of heap after their full collections (no trend):
 *   what a run holds at its end is released by later ones. 4 kB is above the
 *   readings' noise and still means 4 GB per million page views, a server that would not stay up for long.
 */

export const PEAK_GROWTH_BOUND_MB = 300;
export const RETAINED_PER_REQUEST_BOUND_KB = 4;
export const MB = 2 ** 20;

export type RssSample = {
  /** Seconds since the load started (negative before it, beyond its duration while settling). */
  t: number;
  /** RSS of the serving process (bytes). */
  rss: number;
  /** RSS of its whole process tree (bytes): npm, tsx and the like when started through `npm start`. */
  tree: number;
};

export type MemoryVerdict = {
  startMb: number;
  peakMb: number;
  /** Median RSS in the window around the run's halfway mark. */
  midMb: number;
  endMb: number;
  peakGrowthMb: number;
  /** RSS growth from the halfway mark to the end, after the settle (not a bound: RSS is not given back). */
  secondHalfGrowthMb: number;
  peakTreeMb: number;
  samples: number;
};

/**
 * Judges one run: `start` is the sample taken before the load, `end` the one after the settle, `during` those taken
 * while the load ran (t in [0, seconds]).
 */
export function memoryVerdict(start: RssSample, during: readonly RssSample[], end: RssSample, seconds: number): MemoryVerdict {
  const all = [start, ...during, end];
  const peak = Math.max(...all.map((s) => s.rss));
  const peakTree = Math.max(...all.map((s) => s.tree));
  // The samples within ±10% of the duration around the halfway mark; for very short runs, the nearest one.
  let window = during.filter((s) => Math.abs(s.t - seconds / 2) <= Math.max(1, seconds * 0.1));
  if (window.length === 0 && during.length > 0) {
    const nearest = [...during].sort((a, b) => Math.abs(a.t - seconds / 2) - Math.abs(b.t - seconds / 2))[0];
    window = nearest ? [nearest] : [];
  }
  const mid = window.length > 0 ? percentile([...window.map((s) => s.rss)].sort((a, b) => a - b), 50) : start.rss;
  const peakGrowthMb = (peak - start.rss) / MB;
  const secondHalfGrowthMb = (end.rss - mid) / MB;
  return {
    startMb: start.rss / MB,
    peakMb: peak / MB,
    midMb: mid / MB,
    endMb: end.rss / MB,
    peakGrowthMb,
    secondHalfGrowthMb,
    peakTreeMb: peakTree / MB,
    samples: all.length,
  };
}

/** Heap retained per response served, in kB (1 kB = 1024 bytes here, like the MB): negative growth counts as none. */
export function retainedPerRequestKb(heapBefore: number, heapAfter: number, responses: number): number {
  if (responses <= 0) return Number.NaN;
  return Math.max(0, heapAfter - heapBefore) / 1024 / responses;
}

/** The RSS over time, in MB, at most `points` samples evenly spread (e.g. "0 s 113, 5 s 350, …"). */
export function rssCurve(samples: readonly RssSample[], points = 8): string {
  if (samples.length === 0) return "";
  const step = Math.max(1, Math.ceil((samples.length - 1) / (points - 1)));
  const picked = samples.filter((_, i) => i % step === 0 || i === samples.length - 1);
  return picked.map((s) => `${Math.round(s.t)} s ${Math.round(s.rss / MB)}`).join(", ");
}

/** One sample now: the serving process's RSS and its tree's (root: the process group leader). */
export function sampleRss(servingPid: number, rootPid: number, t: number): RssSample | null {
  const rss = rssBytes(servingPid);
  if (rss === null) return null;
  const tree = processTree(rootPid).reduce((sum, pid) => sum + (rssBytes(pid) ?? 0), 0);
  return { t, rss, tree };
}

/** Samples every `everyMs` until stopped; `t` is counted from `zero` (a `performance.now()`), which can be moved. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  zero = performance.now();

  constructor(
    private readonly servingPid: number,
    private readonly rootPid: number,
    private readonly everyMs = 1000,
  ) {}

  now(): RssSample | null {
    return sampleRss(this.servingPid, this.rootPid, (performance.now() - this.zero) / 1000);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      const s = this.now();
      if (s) this.samples.push(s);
    }, this.everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
