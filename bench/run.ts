/**
 * `npm run bench -- [--scale small|realistic|large] [--db postgres|pglite|both] [--only …]`: Podium's performance
 * figures (import cost, ingest throughput, leaderboard reads in-process and over HTTP, the HTML pages under 200
 * clients with the server's memory, client JS of the ranking page, cold start of `npm start`), printed as a table
 * and written to bench/results.json. Everything it starts is stopped at the end, also on failure or Ctrl-C. See
 * docs/performance.md.
 */
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt } from "./build";
import { clientJs } from "./figures/client-js";
import { coldStart } from "./figures/cold-start";
import { httpLoad } from "./figures/http";
import { importCost } from "./figures/import-cost";
import { importWallTime } from "./figures/import-wall";
import { ingestThroughput } from "./figures/ingest";
import { pageLoad } from "./figures/load";
import { pageCacheLoad, pageCachePglite } from "./figures/page-cache";
import { readDatabase, readLatency } from "./figures/reads";
import { Lab } from "./lab";
import { log } from "./log";
import { httpSecondsFor, loadSecondsFor, parseOptions, USAGE, UsageError, wantsPglite, wantsPostgres, type BenchOptions, type BenchScale } from "./options";
import { buildReport, formatTable, skipped, type BenchResult } from "./report";

async function runScale(lab: Lab, options: BenchOptions, scale: BenchScale, results: BenchResult[], html: { ranking: string | null }) {
  const kinds = [...(wantsPostgres(options) ? (["postgres"] as const) : []), ...(wantsPglite(options, scale) ? (["pglite"] as const) : [])];
  if (options.db !== "postgres" && scale === "large") results.push(skipped(scale, "pglite", "all figures", "", "PGlite (in-process WASM) is not run at a million PRs"));
  const want = (g: BenchOptions["only"][number]) => options.only.includes(g);
  // Figure-level failures are reported as rows and the run goes on.
  const attempt = async (what: string, fn: () => Promise<BenchResult[]>) => {
    try {
      results.push(...(await fn()));
    } catch (e) {
      log(`${what} failed: ${(e as Error).stack ?? String(e)}`);
      results.push(skipped(scale, "none", what, "", `failed: ${(e as Error).message}`));
    }
  };

  if (want("import")) {
    if (scale === "large") {
      results.push(skipped(scale, "none", "import: GraphQL points per 100 merged PRs (full import)", "points", "the in-process fake GitHub is not run with a million PRs; the cost per 100 PRs does not depend on scale beyond the search slicing seen at small and realistic"));
    } else {
      await attempt(`import/${scale}`, () => importCost(lab, scale, kinds[0] ?? "postgres"));
    }
  }
  if (want("import-wall") && scale !== "large") await attempt(`import-wall/${scale}`, () => importWallTime(lab, scale, kinds[0] ?? "postgres"));
  if (want("ingest")) {
    if (scale === "large") {
      results.push(skipped(scale, "postgres", "ingest: PRs/s, batches of 1000", "PRs/s", "measured at small and realistic; the large data set is written by the bulk loader"));
    } else {
      for (const kind of kinds) {
        if (kind === "pglite" && scale !== "small") continue;
        await attempt(`ingest/${scale}/${kind}`, () => ingestThroughput(lab, scale, kind));
      }
    }
  }
  if (want("read") || want("http") || want("load") || want("page-cache")) {
    for (const kind of kinds) {
      let read: Awaited<ReturnType<typeof readDatabase>> | null = null;
      try {
        read = await readDatabase(lab, scale, kind);
        const db = read;
        if (want("read")) await attempt(`read/${scale}/${kind}`, () => readLatency(db, scale, kind));
        if (want("http") && kind === "postgres" && db.db.url) {
          const url = db.db.url;
          const login = db.logins[Math.floor(db.logins.length / 2)] ?? "bench-user-0";
          await attempt(`http/${scale}`, async () => {
            const outcome = await httpLoad(lab, scale, url, db.slug, login, httpSecondsFor(options, scale), options.port);
            html.ranking ??= outcome.rankingHtml;
            return outcome.results;
          });
        }
        const pageOptions = { seconds: loadSecondsFor(options, scale), connections: options.loadConnections, port: options.port };
        if (want("page-cache") && kind === "postgres" && db.db.url) {
          const url = db.db.url;
          await attempt(`page-cache/${scale}`, () => pageCacheLoad(lab, scale, url, db.slug, pageOptions));
        }
        if (want("page-cache") && kind === "pglite" && db.db.dir && db.db.release) {
          // The server opens the folder: the bench lets go of it first (nothing reads it here after this).
          const { dir, release } = db.db;
          await release();
          await attempt(`page-cache/${scale}/pglite`, () => pageCachePglite(lab, scale, dir, db.slug, pageOptions));
        }
        if (want("load") && kind === "postgres" && db.db.url) {
          const url = db.db.url;
          const login = db.logins[Math.floor(db.logins.length / 2)] ?? "bench-user-0";
          await attempt(`load/${scale}`, () =>
            pageLoad(lab, scale, url, db.slug, login, { seconds: loadSecondsFor(options, scale), connections: options.loadConnections, port: options.port }),
          );
        }
      } catch (e) {
        log(`read/${scale}/${kind} failed: ${(e as Error).stack ?? String(e)}`);
        results.push(skipped(scale, kind, "read: loading the data", "", `failed: ${(e as Error).message}`));
      } finally {
        await read?.close();
      }
    }
    if (want("http") && !wantsPostgres(options)) {
      results.push(skipped(scale, "pglite", "http: all routes", "ms", "over HTTP only against PostgreSQL (a PGlite folder is held by one process)"));
    }
    if (want("load") && !wantsPostgres(options)) {
      results.push(skipped(scale, "pglite", "load: ranking and profile pages", "ms", "over HTTP only against PostgreSQL (a PGlite folder is held by one process)"));
    }
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed === "help") {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`bench: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const startedAt = new Date();
  const lab = new Lab();
  // Kept registered while stopping: a second signal (tsx relays the terminal's to this process) must not end the
  // process before everything is stopped.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping everything this run started`);
    void lab.close().then((problems) => {
      for (const p of problems) log(`cleanup: ${p}`);
      process.exit(130);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const results: BenchResult[] = [];
  const html = { ranking: null as string | null };
  try {
    log(`scales ${options.scales.join(", ")}; db ${options.db}; figures ${options.only.join(", ")}`);
    // The cold start measures `npm start` of a built app, which builds first when the sources changed since the last
    // build: build now (unmeasured), so that it does not, and so that the HTTP figures run the current sources too.
    const buildProblem = options.only.includes("cold-start") ? await ensureBuilt(lab) : null;
    for (const scale of options.scales) await runScale(lab, options, scale, results, html);
    if (options.only.includes("js")) results.push(clientJs(html.ranking));
    if (options.only.includes("cold-start")) {
      try {
        results.push(...(await coldStart(lab, { runs: options.coldRuns, warmRuns: options.warmRuns, port: options.port, buildProblem })));
      } catch (e) {
        log(`cold-start failed: ${(e as Error).stack ?? String(e)}`);
        results.push(skipped("any", "pglite", "cold start: npm start to the first 200 of the ranking page", "s", `failed: ${(e as Error).message}`));
      }
    }
  } finally {
    const problems = await lab.close();
    for (const p of problems) log(`cleanup: ${p}`);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const report = buildReport(startedAt, { ...options }, results);
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\n${report.machine.cores} cores, ${report.machine.cpu}, Node ${report.machine.node}; ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s; written to ${options.out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
