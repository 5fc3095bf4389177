import type { Db } from "@/db/client";
import { latestRuns } from "@/lib/sync/run-lock";
import { nextScheduledRuns } from "./jobs";

export type SyncStatus = {
  running: boolean;
  last: {
    id: number;
    status: string;
    trigger: string;
    startedBy: string | null;
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
    counts: { repos: number; tasks: number; pullRequests: number; pointsAwarded: number; entries: number };
    graphqlCost: number;
    progress: { repo: string | null; phase: string; done: number } | null;
  } | null;
  /** The scheduled imports: every `intervalSeconds` (0: off); `nextAt` null when off or the season is not open then. */
  schedule: { intervalSeconds: number; nextAt: string | null };
};

type Run = Awaited<ReturnType<typeof latestRuns>>[number];

/** The season's latest sync run, for the live progress view (shown to the season's maintainers and admins). */
export async function getSyncStatus(db: Db, slug: string, schedule: { intervalSeconds: number; now?: Date } = { intervalSeconds: 0 }): Promise<SyncStatus> {
  const [[run], [next]] = await Promise.all([latestRuns(db, slug, 1), nextScheduledRuns(db, schedule.intervalSeconds, schedule.now ?? new Date(), slug)]);
  return syncStatusOf(run, next?.at ?? null, schedule.intervalSeconds);
}

/** The status from the latest run (read by the caller, e.g. with the runs the page reads anyway) and the next slot. */
export function syncStatusOf(run: Run | undefined, nextAt: string | null, intervalSeconds: number): SyncStatus {
  return {
    schedule: { intervalSeconds, nextAt },
    running: run?.status === "running",
    last: run
      ? {
          id: run.id,
          status: run.status,
          trigger: run.trigger,
          startedBy: run.startedBy,
          startedAt: run.startedAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          // Errors are the importer's own messages (no stack traces).
          error: run.error,
          counts: run.counts,
          graphqlCost: run.graphqlCost,
          progress: run.progress ? { repo: run.progress.repo, phase: run.progress.phase, done: run.progress.done } : null,
        }
      : null,
  };
}
