import type { ScaleName } from "./generate";

export type BenchScale = Exclude<ScaleName, "tiny">;
export type DbChoice = "postgres" | "pglite" | "both";
export const FIGURES = ["import", "import-wall", "ingest", "read", "http", "load", "page-cache", "js", "cold-start"] as const;
export type FigureGroup = (typeof FIGURES)[number];

export type BenchOptions = {
  scales: BenchScale[];
  db: DbChoice;
  only: FigureGroup[];
  out: string;
  /** Seconds of load per HTTP endpoint; null: 5, and 15 at large scale (slow routes need time to answer 50 at once). */
  httpSeconds: number | null;
  /** Port for the production server (0: a free one); the cold start also uses the next one (the demo GitHub). */
  port: number;
  /** Seconds of the page load (issue #8); null: 30, and 10 at small scale (see loadSecondsFor). */
  loadSeconds: number | null;
  /** Clients of the page load, split between the ranking and the profile page: default 200. */
  loadConnections: number;
  /** `npm start` runs of the cold start (a fresh PGlite folder each): default 3. */
  coldRuns: number;
  /** Warm restarts after them (the last folder, already seeded): default 2. */
  warmRuns: number;
};

export const USAGE = `npm run bench -- [options]

  --scale small|realistic|large   scales to run, repeatable or comma-separated (default: small,realistic)
  --db postgres|pglite|both       databases (default: postgres; pglite runs at small and realistic only)
  --only GROUPS                   figure groups to run, comma-separated (default: all):
                                  ${FIGURES.join(",")}
  --out FILE                      where to write the JSON report (default: bench/results.json)
  --http-seconds N                load duration per HTTP endpoint (default: 5; 15 at large)
  --load-seconds N                duration of the page load, ranking and profile page at once (default: 30; 10 at small)
  --load-connections N            clients of the page load, half on each page (default: 200)
  --cold-runs N                   cold starts of \`npm start\`, a fresh PGlite folder each (default: 3)
  --warm-runs N                   warm restarts on the last of those folders (default: 2)
  --port N                        port of the servers it starts (default: a free one; the cold start also uses N+1)
  --help`;

export class UsageError extends Error {}

const SCALE_NAMES: readonly BenchScale[] = ["small", "realistic", "large"];

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const out: T[] = [];
  for (const part of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const found = allowed.find((a) => a === part);
    if (!found) throw new UsageError(`unknown ${what} "${part}" (expected ${allowed.join(", ")})`);
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

export function parseOptions(argv: readonly string[]): BenchOptions | "help" {
  const scales: BenchScale[] = [];
  let db: DbChoice = "postgres";
  let only: FigureGroup[] = [...FIGURES];
  let out = "bench/results.json";
  let httpSeconds: number | null = null;
  let port = 0;
  let loadSeconds: number | null = null;
  let loadConnections = 200;
  let coldRuns = 3;
  let warmRuns = 2;
  const integer = (v: string, min: number, max: number, what: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${what} expects a whole number in [${min}, ${max}]`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        return "help";
      case "--scale":
        for (const s of list(value(), SCALE_NAMES, "scale")) if (!scales.includes(s)) scales.push(s);
        break;
      case "--db": {
        const v = value();
        if (v !== "postgres" && v !== "pglite" && v !== "both") throw new UsageError(`unknown --db "${v}" (expected postgres, pglite or both)`);
        db = v;
        break;
      }
      case "--only":
        only = list(value(), FIGURES, "figure group");
        break;
      case "--out":
        out = value();
        break;
      case "--http-seconds": {
        const n = Number(value());
        if (!Number.isFinite(n) || n <= 0 || n > 120) throw new UsageError("--http-seconds expects a number of seconds in (0, 120]");
        httpSeconds = n;
        break;
      }
      case "--port": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError("--port expects a port number");
        port = n;
        break;
      }
      case "--load-seconds":
        loadSeconds = integer(value(), 1, 3600, "--load-seconds");
        break;
      case "--load-connections":
        loadConnections = integer(value(), 1, 2000, "--load-connections");
        break;
      case "--cold-runs":
        coldRuns = integer(value(), 1, 20, "--cold-runs");
        break;
      case "--warm-runs":
        warmRuns = integer(value(), 0, 20, "--warm-runs");
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  const order = (s: BenchScale) => SCALE_NAMES.indexOf(s);
  return {
    scales: scales.length > 0 ? scales.sort((a, b) => order(a) - order(b)) : ["small", "realistic"],
    db,
    only,
    out,
    httpSeconds,
    port,
    loadSeconds,
    loadConnections,
    coldRuns,
    warmRuns,
  };
}

export const wantsPostgres = (o: BenchOptions) => o.db !== "pglite";
export const wantsPglite = (o: BenchOptions, scale: BenchScale) => o.db !== "postgres" && scale !== "large";

export const httpSecondsFor = (o: BenchOptions, scale: BenchScale) => o.httpSeconds ?? (scale === "large" ? 15 : 5);

/**
 * The page load lasts 30 s (issue #8), except at small scale where it lasts 10 s by default, so that
 * `--scale small` stays near 2 minutes with the cold start (about 50 s of `npm start` runs) included; the 30 s run is
 * part of the default `npm run bench` (realistic) and of large, and `--load-seconds 30` runs it at small.
 */
export const loadSecondsFor = (o: BenchOptions, scale: BenchScale) => o.loadSeconds ?? (scale === "small" ? 10 : 30);
