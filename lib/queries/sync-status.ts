import type { Db } from "@/db/client";
import { latestRuns } from "@/lib/sync/run-lock";

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
};

/** The season's latest sync run, for the live progress view (shown to the season's maintainers and admins). */
export async function getSyncStatus(db: Db, slug: string): Promise<SyncStatus> {
  const [run] = await latestRuns(db, slug, 1);
  return {
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
