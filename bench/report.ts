import os from "node:os";
import { round } from "./stats";

/** The benchmark's output: one row per figure, printed as a table and written as JSON. */

export type DbLabel = "postgres" | "pglite" | "none";

/** A figure's goal: `median <= 20`, `p95 <= 20`, `median >= 10`. */
export type Target = { op: "<=" | ">="; value: number; stat: "median" | "p95" };

export type BenchResult = {
  scale: string;
  db: DbLabel;
  figure: string;
  unit: string;
  /** The value for figures that are not latencies (throughput, cost, size); null when the figure was skipped. */
  median: number | null;
  /** Only for latencies. */
  p95: number | null;
  /** Only for latencies under load (the table shows it in the note). */
  p99?: number | null;
  /** Samples behind the figure (iterations, requests, batches); 0 when skipped. */
  n: number;
  /** What the figure is compared with (e.g. the naive query's median), in the figure's baseline unit (see note). */
  baseline?: number;
  target?: Target;
  /** Whether the target is met; absent without a target or value. */
  met?: boolean;
  note?: string;
};

export type Machine = { cores: number; node: string; platform: string; cpu: string; memoryGb: number };

export type BenchReport = {
  machine: Machine;
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  results: BenchResult[];
};

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

export function meets(target: Target, median: number | null, p95: number | null): boolean | undefined {
  const value = target.stat === "median" ? median : p95;
  if (value === null || !Number.isFinite(value)) return undefined;
  return target.op === "<=" ? value <= target.value : value >= target.value;
}

type ResultInput = Omit<BenchResult, "met" | "median" | "p95"> & { median: number | null; p95?: number | null };

/** A result row: values rounded for reading, `met` computed from the target. */
export function result(input: ResultInput): BenchResult {
  const median = input.median === null || !Number.isFinite(input.median) ? null : round(input.median);
  const p95 = input.p95 === undefined || input.p95 === null || !Number.isFinite(input.p95) ? null : round(input.p95);
  const out: BenchResult = { ...input, median, p95 };
  if (input.p99 !== undefined) out.p99 = input.p99 === null || !Number.isFinite(input.p99) ? null : round(input.p99);
  if (input.baseline !== undefined) out.baseline = round(input.baseline);
  if (input.target) {
    const met = meets(input.target, median, p95);
    if (met !== undefined) out.met = met;
  }
  return out;
}

/** A row for a figure that could not be measured, and why. */
export function skipped(scale: string, db: DbLabel, figure: string, unit: string, why: string, target?: Target): BenchResult {
  return result({ scale, db, figure, unit, median: null, n: 0, note: `skipped: ${why}`, ...(target ? { target } : {}) });
}

export function targetText(t: Target | undefined): string {
  if (!t) return "";
  return `${t.stat === "p95" ? "p95 " : ""}${t.op === "<=" ? "≤" : "≥"} ${t.value}`;
}

const cell = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 3 }));

/** A plain-text table (and the notes, numbered, under it). */
export function formatTable(results: readonly BenchResult[]): string {
  const notes: string[] = [];
  const rows = results.map((r) => {
    let noteRef = "";
    if (r.note) {
      notes.push(r.note);
      noteRef = `[${notes.length}]`;
    }
    return [
      r.scale,
      r.db,
      r.figure,
      cell(r.median),
      cell(r.p95),
      String(r.n),
      r.unit,
      targetText(r.target),
      r.met === undefined ? "" : r.met ? "met" : "MISSED",
      noteRef,
    ];
  });
  const header = ["scale", "db", "figure", "median", "p95", "n", "unit", "target", "", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = new Set([3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  if (notes.length > 0) out.push("", ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return out.join("\n");
}

/** The same rows as a Markdown table (for docs/performance.md). */
export function formatMarkdown(results: readonly BenchResult[]): string {
  const head = "| scale | db | figure | median | p95 | n | unit | target | met | note |\n|---|---|---|--:|--:|--:|---|---|---|---|";
  const rows = results.map(
    (r) =>
      `| ${r.scale} | ${r.db} | ${r.figure} | ${cell(r.median)} | ${cell(r.p95)} | ${r.n} | ${r.unit} | ${targetText(r.target)} | ${
        r.met === undefined ? "" : r.met ? "met" : "**missed**"
      } | ${(r.note ?? "").replace(/\|/g, "\\|")} |`,
  );
  return [head, ...rows].join("\n");
}

export function buildReport(startedAt: Date, options: Record<string, unknown>, results: BenchResult[], finishedAt = new Date()): BenchReport {
  return { machine: machine(), startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), options, results };
}
