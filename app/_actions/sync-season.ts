"use server";

import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { toActionError, type ActionState } from "@/lib/actions/action-result";
import { requestLocale } from "@/lib/actions/run-action";
import { readSyncNowForm } from "@/lib/actions/sync-now-input";
import { NotFoundError } from "@/lib/errors";
import { seasonRepos } from "@/lib/queries/season-repos";
import { startBackgroundSync } from "@/lib/sync/start-background-sync";

/** A maintainer's "Sync now": starts an import of the season and returns its run id; progress is polled. */
export async function syncSeasonAction(_prev: ActionState<{ runId: number }> | null, formData: FormData): Promise<ActionState<{ runId: number }>> {
  try {
    const input = readSyncNowForm(formData);
    const repos = await seasonRepos(await getDb(), input.season);
    if (!repos) throw new NotFoundError(`season ${input.season}`);
    const viewer = await requirePermission("sync.run", { repos });
    const runId = await startBackgroundSync({ season: input.season, startedBy: viewer.login, full: input.full });
    return { ok: true, data: { runId }, message: "Sync started." };
  } catch (error) {
    return toActionError(error, await requestLocale());
  }
}
