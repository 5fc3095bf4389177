import type { ScaleName } from "./generate";

export type BenchScale = Exclude<ScaleName, "tiny">;
export type DbChoice = "postgres" | "pglite" | "both";
export const FIGURES = ["import", "ingest", "read", "http", "js"] as const;
export type FigureGroup = (typeof FIGURES)[number];

export type BenchOptions = {
  scales: BenchScale[];
  db: DbChoice;
  only: FigureGroup[];
  out: string;
  /** Seconds of load per HTTP endpoint; null: 5, and 15 at large scale (slow routes need time to answer 50 at once). */
  httpSeconds: number | null;
  /** Port for the production server (0: a free one). */
  port: number;
};

export const USAGE = `npm run bench -- [options]

  --scale small|realistic|large   scales to run, repeatable or comma-separated (default: small,realistic)
  --db postgres|pglite|both       databases (default: postgres; pglite runs at small and realistic only)
  --only ${FIGURES.join(",")}   figure groups to run (default: all)
  --out FILE                      where to write the JSON report (default: bench/results.json)
  --http-seconds N                load duration per HTTP endpoint (default: 5; 15 at large)
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
  };
}

export const wantsPostgres = (o: BenchOptions) => o.db !== "pglite";
export const wantsPglite = (o: BenchOptions, scale: BenchScale) => o.db !== "postgres" && scale !== "large";

export const httpSecondsFor = (o: BenchOptions, scale: BenchScale) => o.httpSeconds ?? (scale === "large" ? 15 : 5);
