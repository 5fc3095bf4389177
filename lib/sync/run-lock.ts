import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { publishChange } from "@/lib/cache/changes";
import { seasons, syncRuns, type SyncCounts, type SyncProgress } from "@/db/schema";
import { PodiumError } from "@/lib/errors";
import { redact } from "@/lib/security/redact";

/**
 * A running sync holds a lease: its row's `heartbeat_at`, renewed every `LEASE_RENEW_MS` by a timer of the
 * process (whatever the sync is waiting on). A run whose lease is older than `LEASE_MS` was abandoned (its process
 * died) and no longer blocks the next one. Both times are read from the database's clock, so app servers with
 * skewed clocks agree.
 */
export const LEASE_MS = 30_000;
export const LEASE_RENEW_MS = 5_000;
export type LeaseTimes = { leaseMs?: number; renewMs?: number };

export class SyncLeaseLostError extends Error {
  constructor(readonly runId: number) {
    super(`sync run ${runId} stopped: its lease lapsed (no heartbeat for too long) and it was closed as abandoned`);
    this.name = "SyncLeaseLostError";
  }
}

export class SyncInProgressError extends PodiumError {
  constructor(
    readonly runId: number,
    readonly trigger: string,
    readonly startedAt: Date,
  ) {
    super("CONFLICT", `a sync is already running (run ${runId}, started ${startedAt.toISOString()} from ${trigger}); try again when it ends`);
  }
}

export const emptyCounts = (): SyncCounts => ({ repos: 0, tasks: 0, pullRequests: 0, pointsAwarded: 0, entries: 0 });

/**
 * Starts a run, or refuses with `SyncInProgressError`: a unique index allows one running row, so two
 * processes (CLI and app, or two app instances) cannot both import. An abandoned run is closed first.
 */
export async function beginRun(
  db: Db,
  input: { seasonId: number | null; trigger: string; full: boolean; startedBy?: string | null },
  leaseMs: number = LEASE_MS,
) {
  await db
    .update(syncRuns)
    .set({ status: "failed", error: "abandoned: its process stopped before it finished (its lease lapsed)", finishedAt: new Date() })
    .where(and(eq(syncRuns.status, "running"), lt(syncRuns.heartbeatAt, sql`now() - ${Math.max(0, Math.round(leaseMs))} * interval '1 millisecond'`)));
  const [row] = await db
    .insert(syncRuns)
    .values({
      seasonId: input.seasonId,
      trigger: input.trigger,
      full: input.full,
      startedBy: input.startedBy ?? null,
      counts: emptyCounts(),
      heartbeatAt: sql`now()`,
    })
    .onConflictDoNothing()
    .returning({ id: syncRuns.id });
  if (row) return row.id;
  const [running] = await db.select().from(syncRuns).where(eq(syncRuns.status, "running"));
  throw new SyncInProgressError(running?.id ?? 0, running?.trigger ?? "unknown", running?.startedAt ?? new Date());
}

/** Closes every run marked running (only safe when no other process can be importing, e.g. on PGlite). */
export async function abandonRunningSyncs(db: Db): Promise<void> {
  await db
    .update(syncRuns)
    .set({ status: "failed", error: "abandoned: the server stopped before it finished", finishedAt: new Date() })
    .where(eq(syncRuns.status, "running"));
}

const stillRunning = (runId: number) => and(eq(syncRuns.id, runId), eq(syncRuns.status, "running"));

/** Records progress and renews the lease; false if the run is no longer running (it was closed as abandoned). */
export async function heartbeat(db: Db, runId: number, counts: SyncCounts, graphqlCost: number, progress: SyncProgress | null): Promise<boolean> {
  const rows = await db
    .update(syncRuns)
    .set({ counts, graphqlCost, progress, heartbeatAt: sql`now()` })
    .where(stillRunning(runId))
    .returning({ id: syncRuns.id });
  return rows.length > 0;
}

export type Lease = { stop: () => void; lost: () => boolean };

/** Renews the run's lease every `renewMs` until stopped; `lost()` tells that another process closed the run. */
export function holdLease(db: Db, runId: number, renewMs: number = LEASE_RENEW_MS): Lease {
  let lost = false;
  const timer = setInterval(() => {
    db.update(syncRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(stillRunning(runId))
      .returning({ id: syncRuns.id })
      .then(
        (rows) => {
          if (rows.length === 0) lost = true;
        },
        () => {
          /* the database is briefly unreachable: the next renewal tries again */
        },
      );
  }, renewMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    lost: () => lost,
  };
}

export async function endRun(db: Db, runId: number, result: { counts: SyncCounts; graphqlCost: number; error?: string }) {
  await db
    .update(syncRuns)
    .set({
      status: result.error ? "failed" : "succeeded",
      counts: result.counts,
      graphqlCost: result.graphqlCost,
      error: result.error === undefined ? null : redact(result.error),
      progress: null,
      finishedAt: new Date(),
      heartbeatAt: sql`now()`,
    })
    // A run closed meanwhile as abandoned stays so: its outcome is not overwritten.
    .where(stillRunning(runId));
  await publishChange(db); // "data imported at" on the season pages
}

/** The latest runs (for the season page and the CLI). */
export async function latestRuns(db: Db, seasonSlug?: string, limit = 5) {
  return db
    .select({
      id: syncRuns.id,
      season: seasons.slug,
      trigger: syncRuns.trigger,
      full: syncRuns.full,
      status: syncRuns.status,
      counts: syncRuns.counts,
      graphqlCost: syncRuns.graphqlCost,
      error: syncRuns.error,
      progress: syncRuns.progress,
      startedBy: syncRuns.startedBy,
      startedAt: syncRuns.startedAt,
      finishedAt: syncRuns.finishedAt,
    })
    .from(syncRuns)
    .leftJoin(seasons, eq(seasons.id, syncRuns.seasonId))
    .where(seasonSlug ? sql`(${seasons.slug} = ${seasonSlug} or ${syncRuns.seasonId} is null)` : undefined)
    .orderBy(sql`${syncRuns.startedAt} desc`)
    .limit(limit);
}

/** When the season's data last came in from GitHub: the end of its latest successful sync (of it, or of all seasons). */
export async function lastRefreshed(db: Db, seasonSlug: string): Promise<Date | null> {
  const runs = await latestRuns(db, seasonSlug, 20);
  return runs.find((r) => r.status === "succeeded")?.finishedAt ?? null;
}
