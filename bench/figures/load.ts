import fs from "node:fs";
import path from "node:path";
import { freePort } from "@/test/harness/postgres-server";
import type { Lab } from "../lab";
import { load, type Load } from "../load-gen";
import { log } from "../log";
import { heapProbe, type HeapReading } from "../heap-probe";
import { MB, memoryVerdict, PEAK_GROWTH_BOUND_MB, RETAINED_PER_REQUEST_BOUND_KB, retainedPerRequestKb, rssCurve, RssSampler, type MemoryVerdict, type RssSample } from "../memory";
import type { BenchScale } from "../options";
import { commandLine, listenerPid, processTree } from "../proc";
import { result, skipped, type BenchResult } from "../report";
import { percentile, summarize } from "../stats";
import { startNext } from "../server";

/** Seconds autocannon lets a request wait for its answer before it counts a timeout (an error). */
const TIMEOUT_SECONDS = 10;
/** Seconds the server is left alone after the load, before the end RSS is read. */
const SETTLE_SECONDS = 15;

export type LoadFigureOptions = { seconds: number; connections: number; port: number };

type Page = { figure: string; path: string; connections: number };

const errorsOf = (r: Load) => r.errors + r.non2xx;

/**
 * Issue #8 item 6: the HTML pages visitors load (the ranking page and a participant's profile) under `connections`
 * clients at once for `seconds`, served by `next start` of the production build from the bench database: each
 * page gets half the clients, both at the same time. Reports latency, throughput, errors (non-2xx, socket errors
 * and timeouts after 10 s) and the serving process's memory against the bounds in bench/memory.ts.
 */
export async function pageLoad(lab: Lab, scale: BenchScale, databaseUrl: string, slug: string, login: string, options: LoadFigureOptions): Promise<BenchResult[]> {
  const { seconds, connections } = options;
  const tag = `${connections} clients, ${seconds} s`;
  const pages: Page[] = [
    { figure: "GET /seasons/{slug} (ranking page, HTML)", path: `/seasons/${slug}`, connections: Math.ceil(connections / 2) },
    { figure: "GET /u/{login} (profile page, HTML)", path: `/u/${login}`, connections: Math.floor(connections / 2) },
  ].filter((p) => p.connections > 0);
  const figures = [
    ...pages.map((p) => ({ figure: `load: ${p.figure}, ${p.connections} of ${tag}`, unit: "ms" })),
    { figure: `load: errors, both pages (non-2xx, socket errors, timeouts), ${tag}`, unit: "errors" },
    { figure: `load: server RSS peak growth, ${tag}`, unit: "MB" },
    { figure: `load: server heap retained after a full GC, per response, ${tag}`, unit: "kB" },
  ];
  const skipAll = (why: string) => figures.map((f) => skipped(scale, "postgres", f.figure, f.unit, why));
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return skipAll("no production build (.next); run `npm run build` first");

  const port = options.port || (await freePort());
  const probe = heapProbe(lab);
  let server;
  try {
    server = await startNext(lab, databaseUrl, port, probe.env);
  } catch (e) {
    return skipAll(`the production server did not start: ${(e as Error).message}`);
  }
  try {
    const serving = listenerPid(port, processTree(server.pid)) ?? server.pid;
    const servingCmd = commandLine(serving).replace(/^\S*\/node /, "node ");
    log(`load/${scale}: next start on ${server.url}, serving pid ${serving} (${servingCmd}); ${tag}`);
    // Each page rendered a few times first: the route's modules loaded and its queries planned, so the start RSS is
    // that of a server that has served these pages, and the growth is what the load adds.
    for (const p of pages) {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${server.url}${p.path}`, { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status === 404) return skipAll(`${p.path} answered 404 (no such route or participant in this build)`);
        if (!res.ok) return skipAll(`${p.path} answered HTTP ${res.status}`);
      }
    }
    // A warm-up under the same load (not measured): what fills once under concurrency — V8's optimized code,
    // connection pools, buffers, the caches of Next and of the app — is then in the first heap reading, so the
    // difference after the measured run is what the run kept.
    const warmup = Math.min(10, Math.max(3, Math.round(seconds / 3)));
    await Promise.all(pages.map((p) => load(`${server.url}${p.path}`, { connections: p.connections, seconds: warmup, timeoutSeconds: TIMEOUT_SECONDS })));
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    const heapStart = await probe.read(serving);
    const sampler = new RssSampler(serving, server.pid);
    const start = sampler.now();
    if (!start) return skipAll("could not read the server's memory (/proc)");
    sampler.zero = performance.now();
    sampler.start();
    let runs: Load[];
    let heapMid: Promise<HeapReading | null> = Promise.resolve(null);
    const midTimer = setTimeout(() => {
      heapMid = probe.read(serving);
    }, (seconds * 1000) / 2);
    try {
      runs = await Promise.all(pages.map((p) => load(`${server.url}${p.path}`, { connections: p.connections, seconds, timeoutSeconds: TIMEOUT_SECONDS })));
      await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    } finally {
      clearTimeout(midTimer);
      sampler.stop();
    }
    const end = sampler.now();
    if (!end) return skipAll("the server exited during the load");
    const heap = { start: heapStart, mid: await heapMid, end: await probe.read(serving) };
    const during = sampler.samples.filter((s: RssSample) => s.t >= 0 && s.t <= seconds);
    const memory = memoryVerdict(start, during, end, seconds);

    const results: BenchResult[] = [];
    let totalErrors = 0;
    let totalSent = 0;
    let totalRps = 0;
    const breakdown: string[] = [];
    pages.forEach((p, i) => {
      const r = runs[i];
      if (!r) return;
      const sorted = [...r.latencies].sort((a, b) => a - b);
      const s = summarize(sorted);
      const p99 = percentile(sorted, 99);
      totalErrors += errorsOf(r);
      totalSent += r.sent;
      totalRps += r.requestsPerSecond;
      breakdown.push(`${p.path}: ${r.non2xx} non-2xx, ${r.errors - r.timeouts} socket errors, ${r.timeouts} timeouts of ${r.sent} requests`);
      log(`load/${scale}: ${p.figure}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${errorsOf(r)} errors`);
      results.push(
        result({
          scale,
          db: "postgres",
          figure: figures[i]?.figure ?? p.figure,
          unit: "ms",
          ...s,
          p99,
          note:
            `${r.latencies.length} responses in ${r.seconds} s (${Math.round(r.requestsPerSecond)} req/s); p50 ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
            `${errorsOf(r)} errors (${r.non2xx} non-2xx, ${r.errors - r.timeouts} socket errors, ${r.timeouts} timeouts after ${TIMEOUT_SECONDS} s). ` +
            `Concurrently with the other page (${connections} clients in all); server, PostgreSQL and load generator share the machine's cores.`,
        }),
      );
    });
    log(`load/${scale}: RSS over time (MB): ${rssCurve([start, ...sampler.samples, end], 40)}`);
    log(`load/${scale}: ${totalErrors} errors; RSS start ${memory.startMb.toFixed(0)} MB, peak ${memory.peakMb.toFixed(0)} MB, mid ${memory.midMb.toFixed(0)} MB, end ${memory.endMb.toFixed(0)} MB`);
    results.push(
      result({
        scale,
        db: "postgres",
        figure: figures[pages.length]?.figure ?? "load: errors",
        unit: "errors",
        median: totalErrors,
        n: totalSent,
        target: { op: "<=", value: 0, stat: "median" },
        note: `${Math.round(totalRps)} req/s over both pages; ${breakdown.join("; ")}. n = requests sent.`,
      }),
    );
    const responses = runs.reduce((sum, r) => sum + r.latencies.length, 0);
    results.push(...memoryRows(scale, figures.slice(pages.length + 1).map((f) => f.figure), memory, heap, responses, `${servingCmd} (pid ${serving})`, [start, ...sampler.samples, end]));
    return results;
  } finally {
    await server.stop();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** The two memory rows: the RSS footprint and the retained heap (see bench/memory.ts for the bounds). */
function memoryRows(
  scale: BenchScale,
  [rssFigure = "load: RSS", heapFigure = "load: heap"]: string[],
  memory: MemoryVerdict,
  heap: { start: HeapReading | null; mid: HeapReading | null; end: HeapReading | null },
  responses: number,
  serving: string,
  samples: RssSample[],
): BenchResult[] {
  const rssNote =
    `peak − start RSS of the serving process ${serving}, VmRSS every second: start ${memory.startMb.toFixed(0)} MB (after 5 warm-up renders of each page), ` +
    `peak ${memory.peakMb.toFixed(0)} MB, halfway ${memory.midMb.toFixed(0)} MB, end ${memory.endMb.toFixed(0)} MB (${SETTLE_SECONDS} s after the load: ` +
    `${memory.secondHalfGrowthMb >= 0 ? "+" : ""}${memory.secondHalfGrowthMb.toFixed(0)} MB over the second half); whole process tree peak ${memory.peakTreeMb.toFixed(0)} MB; ` +
    `over time (MB): ${rssCurve(samples)}. V8 grows its heap under load rather than collect when memory is plentiful; see the retained-heap row for leaks. n = samples.`;
  const rows: BenchResult[] = [
    result({ scale, db: "postgres", figure: rssFigure, unit: "MB", median: memory.peakGrowthMb, n: memory.samples, target: { op: "<=", value: PEAK_GROWTH_BOUND_MB, stat: "median" }, note: rssNote }),
  ];
  const target = { op: "<=" as const, value: RETAINED_PER_REQUEST_BOUND_KB, stat: "median" as const };
  if (!heap.start || !heap.end) {
    rows.push(skipped(scale, "postgres", heapFigure, "kB", "the server gave no heap reading (the preload in bench/heap-probe.ts did not load)", target));
    return rows;
  }
  const growth = (heap.end.heapUsed - heap.start.heapUsed) / MB;
  const perRequest = retainedPerRequestKb(heap.start.heapUsed, heap.end.heapUsed, responses);
  log(`load/${scale}: heap after full GC: start ${mb(heap.start.heapUsed)}, halfway ${heap.mid ? mb(heap.mid.heapUsed) : "?"}, end ${mb(heap.end.heapUsed)}`);
  rows.push(
    result({
      scale,
      db: "postgres",
      figure: heapFigure,
      unit: "kB",
      median: perRequest,
      n: responses,
      target,
      note:
        `heap used after two forced full GCs, idle after the run and the settle, minus the same before it, ÷ the ${responses} responses: ` +
        `${mb(heap.start.heapUsed)} → ${mb(heap.end.heapUsed)} (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MB) ` +
        `(halfway, with every client's request in flight: ${heap.mid ? mb(heap.mid.heapUsed) : "no reading"}); external memory ${mb(heap.start.external)} → ${mb(heap.end.external)}; ` +
        `RSS right after those GCs ${mb(heap.end.rss)}. A leak keeps what it allocates per request: it grows this; garbage and V8's heap sizing do not. ` +
        `Read by a preload in the server (bench/heap-probe.ts; each reading pauses it for ${heap.end.gcMs} ms or so). 1 kB = 1024 bytes; n = responses.`,
    }),
  );
  return rows;
}
