import type { DbHandle } from "@/db/client";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { ingest } from "@/lib/sync/ingest";
import type { GhPullRequest, IngestBatch } from "@/lib/sync/types";
import { programSpec, seasonFiles, toBatch, toFixture, type ProgramSpec } from "../generate";
import type { Lab } from "../lab";
import { log } from "../log";
import type { BenchScale } from "../options";
import { result, type BenchResult } from "../report";
import { summarize } from "../stats";

const TASK_BATCH = 1000;

/** A fresh database with the seasons and every task issue already imported (untimed). */
async function prepared(lab: Lab, kind: "postgres" | "pglite", label: string, spec: ProgramSpec, batch: IngestBatch): Promise<DbHandle> {
  const db = kind === "postgres" ? await lab.postgres(label) : await lab.pglite(label);
  await applySeasons(db.db, seasonFiles(spec));
  for (let i = 0; i < batch.issues.length; i += TASK_BATCH) {
    await ingest(db.db, { issues: batch.issues.slice(i, i + TASK_BATCH), pullRequests: [] });
  }
  return db;
}

/** Ingests the PRs `size` at a time; returns each call's duration (ms). */
async function timeIngest(db: DbHandle, pulls: GhPullRequest[], size: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < pulls.length; i += size) {
    const part = pulls.slice(i, i + size);
    const t0 = performance.now();
    await ingest(db.db, { issues: [], pullRequests: part });
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * Figure 2: PRs per second that `ingest()` stores (PR rows, task links, `/reward` comments, ledger awards, totals,
 * one transaction per call) from objects already in memory, in batches, against a row-at-a-time baseline on a subset.
 */
export async function ingestThroughput(lab: Lab, scale: BenchScale, kind: "postgres" | "pglite"): Promise<BenchResult[]> {
  const spec = programSpec(scale);
  const batch = toBatch(toFixture(spec));
  const pulls = batch.pullRequests;
  const sizes = kind === "postgres" ? [500, 1000] : [1000];
  const subset = scale === "small" ? 500 : 1000;
  const out: BenchResult[] = [];
  const throughput: Record<number, number> = {};
  for (const size of sizes) {
    const db = await prepared(lab, kind, `ingest_${scale}_${size}`, spec, batch);
    try {
      const samples = await timeIngest(db, pulls, size);
      const total = samples.reduce((a, b) => a + b, 0);
      const perBatch = summarize(samples);
      throughput[size] = pulls.length / (total / 1000);
      log(`ingest/${scale}/${kind}: ${pulls.length} PRs in batches of ${size}: ${Math.round(throughput[size])} PRs/s`);
      out.push(
        result({
          scale,
          db: kind,
          figure: `ingest: PRs/s, batches of ${size}`,
          unit: "PRs/s",
          median: throughput[size],
          n: pulls.length,
          target: { op: ">=", value: 5000, stat: "median" },
          note: `${pulls.length} merged PRs (${batch.issues.length} task issues imported before, untimed) in ${(total / 1000).toFixed(1)} s; per batch median ${perBatch.median.toFixed(0)} ms, p95 ${perBatch.p95.toFixed(0)} ms.`,
        }),
      );
    } finally {
      await db.close();
    }
  }
  if (kind === "postgres") {
    const db = await prepared(lab, kind, `ingest_${scale}_1`, spec, batch);
    try {
      const part = pulls.slice(0, subset);
      const samples = await timeIngest(db, part, 1);
      const total = samples.reduce((a, b) => a + b, 0);
      const single = part.length / (total / 1000);
      const perRow = summarize(samples);
      log(`ingest/${scale}/${kind}: first ${part.length} PRs one at a time: ${Math.round(single)} PRs/s`);
      out.push(
        result({
          scale,
          db: kind,
          figure: "ingest: PRs/s, one PR per call (baseline)",
          unit: "PRs/s",
          median: single,
          n: part.length,
          note: `the first ${part.length} PRs, one ingest() call (transaction) each; per call median ${perRow.median.toFixed(1)} ms, p95 ${perRow.p95.toFixed(1)} ms.`,
        }),
      );
      const best = Math.max(...Object.values(throughput));
      out.push(
        result({
          scale,
          db: kind,
          figure: "ingest: batched vs one PR per call",
          unit: "×",
          median: best / single,
          n: part.length,
          baseline: single,
          note: `best batched throughput (${Math.round(best)} PRs/s over all ${pulls.length} PRs) ÷ the one-per-call baseline (PRs/s, on the first ${part.length}, a smaller and so easier database).`,
        }),
      );
    } finally {
      await db.close();
    }
  }
  return out;
}
