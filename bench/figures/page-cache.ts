import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf } from "@/db/client";
import { awardPoints } from "@/lib/commands/award-points";
import { runCommand } from "@/lib/commands/command";
import { freePort } from "@/test/harness/postgres-server";
import type { Lab } from "../lab";
import { load, type Load } from "../load-gen";
import { log } from "../log";
import { MB, RssSampler } from "../memory";
import type { BenchScale } from "../options";
import { listenerPid, processTree } from "../proc";
import { result, skipped, type BenchResult } from "../report";
import { percentile, summarize } from "../stats";
import { startNext } from "../server";

const TIMEOUT_SECONDS = 10;
const WRITES = 20;

type Run = { load: Load; rssGrowthMb: number };
type Key = "on" | "perRequest" | "workers" | "cluster" | "off" | "api";
type Server = Awaited<ReturnType<typeof startNext>>;

/**
 * A session cookie no session has: the proxy sends the request to the per-request page (the signed-in path, whose
 * data still come from Next's cache), and Auth.js finds no session, so the page is the anonymous one, rendered.
 */
const PER_REQUEST = { cookie: "authjs.session-token=bench-no-such-session" };

const figures = (tag: string, db: "postgres" | "pglite"): Record<Key | "ratio" | "write", string> => ({
  on: `page cache: GET /seasons/{slug} (ranking page), cache on, anonymous (rendered page cached), ${tag}`,
  perRequest: `page cache: GET /seasons/{slug} (ranking page), cache on, a session cookie (rendered per request), ${tag}`,
  workers: `page cache: GET /seasons/{slug} (ranking page), anonymous, PODIUM_WORKERS=2 (two server processes on one port), ${tag}`,
  cluster: `page cache: GET /seasons/{slug} (ranking page), anonymous, three instances behind npm run cluster's proxy, ${tag}`,
  off: `page cache: GET /seasons/{slug} (ranking page), PODIUM_PAGE_CACHE=off, ${tag}`,
  api: `page cache: GET /api/seasons/{slug}/leaderboard (JSON), ${tag}`,
  ratio: `page cache: ranking page / JSON API throughput, cache on${db === "pglite" ? " (one process)" : ""}`,
  write: `page cache: a write in another process visible on the cached ranking page, p95 over ${WRITES}`,
});

/** Five reads, a warm-up under the same load (not measured), then `connections` clients for `seconds`, with the serving process's RSS. */
async function measure(server: Server, url: string, options: { seconds: number; connections: number; rss: boolean }, headers?: Record<string, string>): Promise<Run> {
  const { connections, seconds } = options;
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers, signal: AbortSignal.timeout(60_000) })).arrayBuffer();
  await load(url, { connections, seconds: Math.min(5, seconds), timeoutSeconds: TIMEOUT_SECONDS, headers });
  const sampler = options.rss ? new RssSampler(listenerPid(server.port, processTree(server.pid)) ?? server.pid, server.pid) : null;
  const start = sampler?.now() ?? null;
  sampler?.start();
  const run = await load(url, { connections, seconds, timeoutSeconds: TIMEOUT_SECONDS, headers });
  sampler?.stop();
  const peak = Math.max(start?.rss ?? 0, ...(sampler?.samples ?? []).map((s) => s.rss));
  return { load: run, rssGrowthMb: start ? (peak - start.rss) / MB : NaN };
}

/** A server of the build on a free (or the given) port, stopped after `fn`. */
async function withServer<T>(start: (port: number) => Promise<Server>, portOption: number, fn: (server: Server) => Promise<T>): Promise<T> {
  const server = await start(portOption || (await freePort()));
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/**
 * Issue #17: the ranking page alone under `connections` clients, each variant against a server of its own on the same
 * database, in one run: the cache on, anonymous (the whole page from Next's page cache) and with a session cookie
 * (rendered per request from cached data: the design before the rendered pages); two server processes on one port
 * (`PODIUM_WORKERS=2`); three instances behind `npm run cluster`'s proxy; the cache off (`PODIUM_PAGE_CACHE`); the
 * JSON leaderboard under the same load (the page/API ratio); and how long a write from another process (this one:
 * `runCommand` as the operator, the CLI's path) takes to show on the cached page, over 20 writes.
 */
export async function pageCacheLoad(lab: Lab, scale: BenchScale, databaseUrl: string, slug: string, options: { seconds: number; connections: number; port: number }): Promise<BenchResult[]> {
  const fig = figures(`${options.connections} clients, ${options.seconds} s`, "postgres");
  if (!built()) return Object.values(fig).map((f) => skipped(scale, "postgres", f, "ms", NO_BUILD));
  const rows: BenchResult[] = [];
  const runs: Partial<Record<Key, Run>> = {};
  const page = (s: Server) => `${s.url}/seasons/${slug}`;
  const single = (env?: Record<string, string>) => (port: number) => startNext(lab, databaseUrl, port, (e) => ({ ...e, ...env }));
  const opts = { ...options, rss: true };
  await withServer(single({ PODIUM_PAGE_CACHE: "on" }), options.port, async (server) => {
    runs.on = await measure(server, page(server), opts);
    runs.perRequest = await measure(server, page(server), opts, PER_REQUEST);
    runs.api = await measure(server, `${server.url}/api/seasons/${slug}/leaderboard`, opts);
    rows.push(await writeVisible(databaseUrl, page(server), slug, fig.write, scale));
  });
  // The primary holds the port and only hands connections over: no serving process's RSS to read.
  await withServer(single({ PODIUM_WORKERS: "2" }), options.port, async (server) => (runs.workers = await measure(server, page(server), { ...opts, rss: false })));
  const cluster = async (port: number) => {
    const server = await startNext(lab, databaseUrl, port, undefined, [path.join("scripts", "cluster.ts"), "--instances", "3", "--port", String(port)]);
    await allAnswer(`${server.url}/api/health`, 6); // the proxy answers once one instance does; wait for all three
    return server;
  };
  await withServer(cluster, options.port, async (server) => (runs.cluster = await measure(server, page(server), { ...opts, rss: false })));
  await withServer(single({ PODIUM_PAGE_CACHE: "off" }), options.port, async (server) => (runs.off = await measure(server, page(server), opts)));
  rows.push(...loadRows(runs, fig, scale, "postgres"));
  return rows;
}

/**
 * The same on PGlite, the embedded default (one process): the anonymous ranking page and the JSON leaderboard, on a
 * server that opens the folder the read figures loaded (the bench's own handle closed first).
 */
export async function pageCachePglite(lab: Lab, scale: BenchScale, dir: string, slug: string, options: { seconds: number; connections: number; port: number }): Promise<BenchResult[]> {
  const fig = figures(`${options.connections} clients, ${options.seconds} s`, "pglite");
  const keys = ["on", "api", "ratio"] as const;
  if (!built()) return keys.map((k) => skipped(scale, "pglite", fig[k], "ms", NO_BUILD));
  const runs: Partial<Record<Key, Run>> = {};
  const start = (port: number) =>
    startNext(lab, "", port, (e) => {
      const env: NodeJS.ProcessEnv = { ...e, PGLITE_DIR: dir };
      delete env.DATABASE_URL;
      return env;
    });
  await withServer(start, options.port, async (server) => {
    const opts = { ...options, rss: true };
    runs.on = await measure(server, `${server.url}/seasons/${slug}`, opts);
    runs.api = await measure(server, `${server.url}/api/seasons/${slug}/leaderboard`, opts);
  });
  return loadRows(runs, fig, scale, "pglite");
}

/** Until `n` requests in a row (round-robin over the instances) answer 200, at most 90 s. */
async function allAnswer(url: string, n: number): Promise<void> {
  const deadline = performance.now() + 90_000;
  for (let ok = 0; ok < n; ) {
    const status = await fetch(url, { signal: AbortSignal.timeout(10_000) }).then(async (r) => (await r.arrayBuffer(), r.status), () => 0);
    ok = status === 200 ? ok + 1 : 0;
    if (performance.now() > deadline) throw new Error(`${url}: not every instance answered within 90 s`);
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
}

const NO_BUILD = "no production build (.next); run `npm run build` first";
const built = () => fs.existsSync(path.join(".next", "BUILD_ID"));

function loadRows(runs: Partial<Record<Key, Run>>, fig: Record<string, string>, scale: BenchScale, db: "postgres" | "pglite"): BenchResult[] {
  const rows: BenchResult[] = [];
  for (const key of ["on", "perRequest", "workers", "cluster", "off", "api"] as const) {
    const r = runs[key];
    if (!r) continue;
    const sorted = [...r.load.latencies].sort((a, b) => a - b);
    const s = summarize(sorted);
    const errors = r.load.errors + r.load.non2xx;
    const rss = Number.isNaN(r.rssGrowthMb) ? "RSS not read (several processes)" : `serving process RSS peak growth ${r.rssGrowthMb.toFixed(0)} MB`;
    log(`page-cache/${scale}/${db}: ${key}: ${Math.round(r.load.requestsPerSecond)} req/s, p95 ${s.p95.toFixed(0)} ms, ${errors} errors, ${rss}`);
    rows.push(
      result({
        scale,
        db,
        figure: fig[key] ?? key,
        unit: "ms",
        ...s,
        p99: percentile(sorted, 99),
        ...(key === "api" ? {} : { target: { op: "<=" as const, value: 250, stat: "p95" as const } }),
        note: `${Math.round(r.load.requestsPerSecond)} req/s${key === "api" ? "" : " (target for the page: ≥ 1000)"}; ${errors} errors (${r.load.non2xx} non-2xx, ${r.load.timeouts} timeouts); ${rss}; server, PostgreSQL and load generator share the machine's cores.`,
      }),
    );
  }
  if (runs.on && runs.api) {
    const ratio = runs.on.load.requestsPerSecond / runs.api.load.requestsPerSecond;
    rows.push(result({ scale, db, figure: fig.ratio ?? "ratio", unit: "ratio", median: ratio, n: runs.on.load.sent, target: { op: ">=", value: 0.5, stat: "median" } }));
  }
  if (runs.on && runs.cluster) {
    const spread = runs.cluster.load.requestsPerSecond / runs.on.load.requestsPerSecond;
    rows.push(result({ scale, db, figure: "page cache: three instances / one instance, ranking page throughput", unit: "×", median: spread, n: runs.cluster.load.sent, target: { op: ">=", value: 2.5, stat: "median" }, note: `on ${os.availableParallelism()} cores shared by the instances, the proxy, PostgreSQL and the load generator: the target needs ≥ 3 cores free for the instances` }));
  }
  return rows;
}

/** 20 manual awards of +1 to the leader's first PR, each polled for on the page until the leader's new total shows. */
async function writeVisible(databaseUrl: string, url: string, slug: string, figure: string, scale: BenchScale): Promise<BenchResult> {
  const h = await openDatabase({ url: databaseUrl, migrate: false, max: 2 });
  try {
    const total = async (login: string) => {
      const rows = rowsOf<{ points: number }>(
        await h.db.execute(sql`select st.points from season_totals st join participants p on p.id = st.participant_id join seasons s on s.id = st.season_id where s.slug = ${slug} and p.login = ${login}`),
      );
      return Number(rows[0]?.points ?? NaN);
    };
    const [leader] = rowsOf<{ login: string; pr: number }>(
      await h.db.execute(sql`
        select p.login, pr.id as pr from season_totals st join participants p on p.id = st.participant_id join seasons s on s.id = st.season_id
        join pull_requests pr on pr.author_id = p.id and pr.merged_at is not null
        where s.slug = ${slug} order by st.points desc, pr.id limit 1`),
    );
    if (!leader) return skipped(scale, "postgres", figure, "ms", "no merged pull request of the leader to award points to");
    const latencies: number[] = [];
    let polls = 0;
    for (let i = 0; i < WRITES; i++) {
      await runCommand(h.db, awardPoints, "operator", { season: slug, pullRequestId: leader.pr, points: 1, reason: `bench: write-visible latency ${i + 1} of ${WRITES}` });
      const committed = performance.now();
      // The page formats numbers for its locale (an English page here: 12,345).
      const want = `<strong>${(await total(leader.login)).toLocaleString("en-US")}</strong>`;
      const deadline = committed + 30_000;
      for (;;) {
        polls += 1;
        if ((await (await fetch(url)).text()).includes(want)) break;
        if (performance.now() > deadline) throw new Error(`write ${i + 1} not visible after 30 s`);
      }
      latencies.push(performance.now() - committed);
    }
    const sorted = latencies.sort((a, b) => a - b);
    return result({ ...summarize(sorted), scale, db: "postgres", figure, unit: "ms", target: { op: "<=", value: 1000, stat: "p95" }, note: `from the command's commit to the first page read showing the new total (reads back to back: ${polls} in all, the last of each includes one render); the write runs in the bench process, the server in another` });
  } finally {
    await h.close();
  }
}
