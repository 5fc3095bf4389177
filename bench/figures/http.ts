import fs from "node:fs";
import path from "node:path";
import { freePort } from "@/test/harness/postgres-server";
import type { Lab } from "../lab";
import { load } from "../load-gen";
import { log } from "../log";
import type { BenchScale } from "../options";
import { result, skipped, type BenchResult } from "../report";
import { startNext, type Spawned } from "../server";
import { summarize, timeLoop } from "../stats";

const CONNECTIONS = 50;

export type HttpOutcome = { results: BenchResult[]; rankingHtml: string | null };

/**
 * Figure 3 over HTTP: the production server against the read database, loaded by autocannon with 50 connections,
 * one endpoint after the other. Routes this build does not have are reported as skipped.
 */
export async function httpLoad(lab: Lab, scale: BenchScale, databaseUrl: string, slug: string, login: string, seconds: number, port: number): Promise<HttpOutcome> {
  const endpoints = [
    { figure: "GET /api/health", path: "/api/health" },
    { figure: "GET /api/seasons", path: "/api/seasons" },
    { figure: "GET /api/seasons/{slug}/leaderboard (top 50)", path: `/api/seasons/${slug}/leaderboard?limit=50&offset=0` },
    { figure: "GET /api/participants/{login}", path: `/api/participants/${login}` },
    { figure: "GET /seasons/{slug} (ranking page, HTML)", path: `/seasons/${slug}` },
    { figure: "GET /seasons/{slug}/report (season report page, HTML)", path: `/seasons/${slug}/report` },
  ];
  const skipAll = (why: string): HttpOutcome => ({
    results: endpoints.map((e) => skipped(scale, "postgres", `http: ${e.figure}`, "ms", why)),
    rankingHtml: null,
  });
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return skipAll("no production build (.next); run `npm run build` first");
  let server: Spawned;
  try {
    server = await startNext(lab, databaseUrl, port || (await freePort()));
  } catch (e) {
    return skipAll(`the production server did not start: ${(e as Error).message}`);
  }
  const buildId = path.join(".next", "BUILD_ID");
  const build = fs.existsSync(buildId) ? `build ${fs.readFileSync(buildId, "utf8").trim()} of ${fs.statSync(buildId).mtime.toISOString().slice(0, 16)}Z` : "build of unknown date";
  log(`http/${scale}: next start on ${server.url} (${build})`);
  const results: BenchResult[] = [];
  let rankingHtml: string | null = null;
  try {
    for (const e of endpoints) {
      const url = `${server.url}${e.path}`;
      const probe = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      const body = await probe.text();
      if (e.path === `/seasons/${slug}` && probe.ok) rankingHtml = body;
      if (probe.status === 404) {
        results.push(skipped(scale, "postgres", `http: ${e.figure}`, "ms", "this route does not exist in the build (404)"));
        continue;
      }
      if (!probe.ok) {
        results.push(skipped(scale, "postgres", `http: ${e.figure}`, "ms", `the route answered HTTP ${probe.status}`));
        continue;
      }
      // One request at a time first (what a single visitor waits), then 50 connections at once.
      const alone = summarize(
        await timeLoop(
          async () => {
            const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
            await res.arrayBuffer();
          },
          { warmup: 3, minIterations: 10, maxIterations: 200, budgetMs: 3000 },
        ),
      );
      results.push(result({ scale, db: "postgres", figure: `http: ${e.figure}, 1 connection`, unit: "ms", ...alone, note: `production ${build}` }));
      const r = await load(url, { connections: CONNECTIONS, seconds });
      const s = summarize(r.latencies);
      const saturated = r.latencies.length < CONNECTIONS * 2;
      log(`http/${scale}: ${e.figure}: alone ${alone.median.toFixed(1)} ms; ${CONNECTIONS} connections: ${Math.round(r.requestsPerSecond)} req/s, median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
      results.push(
        result({
          scale,
          db: "postgres",
          figure: `http: ${e.figure}, ${CONNECTIONS} connections`,
          unit: "ms",
          ...s,
          note:
            `${r.latencies.length} responses in ${r.seconds} s (${Math.round(r.requestsPerSecond)} req/s); ${r.errors} errors, ${r.non2xx} non-2xx.` +
            (saturated
              ? ` Saturated: fewer than ${CONNECTIONS * 2} responses came back in the window, so the latency covers only the requests that finished (the rest were still queued).`
              : "") +
            ` Server, PostgreSQL and load generator share the machine's cores; production ${build}.`,
        }),
      );
    }
  } finally {
    await server.stop();
  }
  return { results, rankingHtml };
}
