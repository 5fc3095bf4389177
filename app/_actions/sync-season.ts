"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { requirePermission } from "@/lib/auth/guard";
import { toActionError, type ActionState } from "@/lib/actions/action-result";
import { NotFoundError } from "@/lib/errors";
import { seasonRepos } from "@/lib/queries/season-repos";
import { startBackgroundSync } from "@/lib/sync/start-background-sync";

const ZInput = z.object({ season: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a season slug" }), full: z.coerce.boolean().optional() });

/** A maintainer's "Sync now": starts an import of the season and returns its run id; progress is polled. */
export async function syncSeasonAction(_prev: ActionState<{ runId: number }> | null, formData: FormData): Promise<ActionState<{ runId: number }>> {
  try {
    const input = ZInput.parse({ season: formData.get("season"), full: formData.get("full") ?? undefined });
    const repos = await seasonRepos(await getDb(), input.season);
    if (!repos) throw new NotFoundError(`season ${input.season}`);
    const viewer = await requirePermission("sync.run", { repos });
    const runId = await startBackgroundSync({ season: input.season, startedBy: viewer.login, full: input.full });
    return { ok: true, data: { runId }, message: "Sync started." };
  } catch (error) {
    return toActionError(error);
  }
}
