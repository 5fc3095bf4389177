import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tasks } from "@/db/schema";

/**
 * Re-resolves the scores of a season's tasks after its default scores changed: override first, then what
 * the issue states, then the new default for the task's difficulty, else "needs a score".
 */
export async function resolveSeasonTaskScores(tx: Executor, seasonId: number, defaults: Record<string, number>): Promise<number> {
  const rows = await tx
    .select({ id: tasks.id, score: tasks.score, source: tasks.scoreSource, override: tasks.scoreOverride, stated: tasks.statedScore, difficulty: tasks.difficulty })
    .from(tasks)
    .where(eq(tasks.seasonId, seasonId));
  let changed = 0;
  for (const t of rows) {
    const next =
      t.override !== null
        ? { score: t.override, source: "override" as const }
        : t.stated !== null
          ? { score: t.stated, source: t.source === "label" ? ("label" as const) : ("body" as const) }
          : t.difficulty !== null && Object.hasOwn(defaults, t.difficulty)
            ? { score: defaults[t.difficulty] ?? null, source: "default" as const }
            : { score: null, source: "none" as const };
    if (next.score === t.score && next.source === t.source) continue;
    await tx.update(tasks).set({ score: next.score, scoreSource: next.source, updatedAt: new Date() }).where(eq(tasks.id, t.id));
    changed += 1;
  }
  return changed;
}
