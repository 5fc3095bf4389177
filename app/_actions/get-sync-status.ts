"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { toActionError, type ActionState } from "@/lib/actions/action-result";
import { seasonRepos } from "@/lib/queries/season-repos";
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

/** The season's latest sync run, for the live progress view (maintainers of the season and admins). */
export async function getSyncStatusAction(season: string): Promise<ActionState<SyncStatus>> {
  try {
    const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).parse(season);
    const db = await getDb();
    const repos = await seasonRepos(db, slug);
    await requirePermission("sync.run", { repos: repos ?? [] });
    const [run] = await latestRuns(db, slug, 1);
    return {
      ok: true,
      data: {
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
      },
    };
  } catch (error) {
    return toActionError(error);
  }
}
