import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "@/test/harness/postgres-server";
import type { Lab } from "../lab";
import { log } from "../log";
import type { BenchScale } from "../options";
import { result, skipped, type BenchResult } from "../report";
import { summarize, timeLoop } from "../stats";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const CONNECTIONS = 50;

export type HttpOutcome = { results: BenchResult[]; rankingHtml: string | null };

type Server = { url: string; stop: () => Promise<void> };

/** `next start` (the production build in .next) on a loopback port, reading the bench database. */
async function startServer(lab: Lab, databaseUrl: string, port: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // Not demo mode (which would seed and import a demo program into the database); the token is never used.
    GITHUB_TOKEN: "bench-token-not-used",
    AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.PGLITE_DIR;
  delete env.AUTH_GITHUB_ID;
  delete env.AUTH_GITHUB_SECRET;
  // Its own process group, so stopping it stops whatever it started.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = lab.defer(`next start (pid ${child.pid})`, async () => {
    const pid = child.pid;
    if (pid === undefined || exited()) return;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pid, s);
      } catch {
        /* gone */
      }
    };
    signal("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (!exited() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!exited()) signal("SIGKILL");
  }, 15_000);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited()) {
      await stop();
      throw new Error(`next start exited (code ${child.exitCode}): ${output.trim().split("\n").slice(-5).join(" | ")}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer /api/health within 90 s: ${output.trim().split("\n").slice(-5).join(" | ")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}

type Load = { latencies: number[]; requestsPerSecond: number; errors: number; non2xx: number; seconds: number };

function load(url: string, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds }, (error: unknown, r: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ latencies, requestsPerSecond: r.requests.average, errors: r.errors, non2xx: r.non2xx, seconds: r.duration });
    });
    instance.on("response", (_client: autocannon.Client, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}

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
  ];
  const skipAll = (why: string): HttpOutcome => ({
    results: endpoints.map((e) => skipped(scale, "postgres", `http: ${e.figure}`, "ms", why)),
    rankingHtml: null,
  });
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) return skipAll("no production build (.next); run `npm run build` first");
  let server: Server;
  try {
    server = await startServer(lab, databaseUrl, port || (await freePort()));
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
      if (e.path.startsWith("/seasons/") && probe.ok) rankingHtml = body;
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
      const r = await load(url, seconds);
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
