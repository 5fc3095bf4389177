import fs from "node:fs";
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

/**
 * A session cookie no session has: the proxy sends the request to the per-request page (the signed-in path, whose
 * data still come from Next's cache), and Auth.js finds no session, so the page is the anonymous one, rendered.
 */
const PER_REQUEST = { cookie: "authjs.session-token=bench-no-such-session" };

/**
 * Issue #17: the ranking page alone under `connections` clients, with the page cache on and off
 * (`PODIUM_PAGE_CACHE`) in the same run, each against a server of its own on the same database; with the cache on,
 * anonymous (the whole page from Next's page cache) and with a session cookie (rendered per request from cached
 * data: the design before the rendered pages); the JSON leaderboard under the same load (the page/API ratio); and,
 * with the cache on, how long a write from another process (this one: `runCommand` as the operator, the CLI's path)
 * takes to show on the cached page, over 20 writes.
 */
export async function pageCacheLoad(lab: Lab, scale: BenchScale, databaseUrl: string, slug: string, options: { seconds: number; connections: number; port: number }): Promise<BenchResult[]> {
  const { seconds, connections } = options;
  const tag = `${connections} clients, ${seconds} s`;
  const fig = {
    on: `page cache: GET /seasons/{slug} (ranking page), cache on, anonymous (rendered page cached), ${tag}`,
    perRequest: `page cache: GET /seasons/{slug} (ranking page), cache on, a session cookie (rendered per request), ${tag}`,
    off: `page cache: GET /seasons/{slug} (ranking page), PODIUM_PAGE_CACHE=off, ${tag}`,
    api: `page cache: GET /api/seasons/{slug}/leaderboard (JSON), ${tag}`,
    ratio: `page cache: ranking page / JSON API throughput, cache on`,
    write: `page cache: a write in another process visible on the cached ranking page, p95 over ${WRITES}`,
  };
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return Object.values(fig).map((f) => skipped(scale, "postgres", f, "ms", "no production build (.next); run `npm run build` first"));
  const rows: BenchResult[] = [];
  const runs: Partial<Record<"on" | "perRequest" | "off" | "api", Run>> = {};
  for (const mode of ["on", "off"] as const) {
    const port = options.port || (await freePort());
    const server = await startNext(lab, databaseUrl, port, (env) => ({ ...env, PODIUM_PAGE_CACHE: mode }));
    try {
      const serving = listenerPid(port, processTree(server.pid)) ?? server.pid;
      const measure = async (url: string, headers?: Record<string, string>): Promise<Run> => {
        for (let i = 0; i < 5; i++) await (await fetch(url, { headers, signal: AbortSignal.timeout(60_000) })).arrayBuffer();
        await load(url, { connections, seconds: Math.min(5, seconds), timeoutSeconds: TIMEOUT_SECONDS, headers }); // warm-up, not measured
        const sampler = new RssSampler(serving, server.pid);
        const start = sampler.now();
        sampler.start();
        const run = await load(url, { connections, seconds, timeoutSeconds: TIMEOUT_SECONDS, headers });
        sampler.stop();
        const peak = Math.max(start?.rss ?? 0, ...sampler.samples.map((s) => s.rss));
        return { load: run, rssGrowthMb: start ? (peak - start.rss) / MB : NaN };
      };
      runs[mode] = await measure(`${server.url}/seasons/${slug}`);
      if (mode === "on") {
        runs.perRequest = await measure(`${server.url}/seasons/${slug}`, PER_REQUEST);
        runs.api = await measure(`${server.url}/api/seasons/${slug}/leaderboard`);
        rows.push(await writeVisible(databaseUrl, `${server.url}/seasons/${slug}`, slug, fig.write, scale));
      }
    } finally {
      await server.stop();
    }
  }
  for (const key of ["on", "perRequest", "off", "api"] as const) {
    const r = runs[key];
    if (!r) continue;
    const sorted = [...r.load.latencies].sort((a, b) => a - b);
    const s = summarize(sorted);
    const errors = r.load.errors + r.load.non2xx;
    log(`page-cache/${scale}: ${key}: ${Math.round(r.load.requestsPerSecond)} req/s, p95 ${s.p95.toFixed(0)} ms, ${errors} errors, RSS growth ${r.rssGrowthMb.toFixed(0)} MB`);
    rows.push(
      result({
        scale,
        db: "postgres",
        figure: fig[key],
        unit: "ms",
        ...s,
        p99: percentile(sorted, 99),
        ...(key === "api" ? {} : { target: { op: "<=" as const, value: 250, stat: "p95" as const } }),
        note: `${Math.round(r.load.requestsPerSecond)} req/s${key === "api" ? "" : " (target for the page: ≥ 1000)"}; ${errors} errors (${r.load.non2xx} non-2xx, ${r.load.timeouts} timeouts); serving process RSS peak growth ${r.rssGrowthMb.toFixed(0)} MB; server, PostgreSQL and load generator share the machine's cores.`,
      }),
    );
  }
  if (runs.on && runs.api) {
    const ratio = runs.on.load.requestsPerSecond / runs.api.load.requestsPerSecond;
    rows.push(result({ scale, db: "postgres", figure: fig.ratio, unit: "ratio", median: ratio, n: runs.on.load.sent, target: { op: ">=", value: 0.5, stat: "median" } }));
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
