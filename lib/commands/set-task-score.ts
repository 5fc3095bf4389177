import { eq } from "drizzle-orm";
import { z } from "zod";
import { tasks } from "@/db/schema";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, taskForChange } from "./load";

export const ZSetTaskScore = z.object({
  taskId: zId("a task"),
  /** Empty clears the override. */
  score: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce.number({ error: "expected a whole number of points" }).int({ error: "expected a whole number of points" }).min(0, { error: "expected 0 or more points" }).max(1_000_000, { error: "expected at most 1000000" }).nullable(),
  ),
  reason: ZReason,
});

/**
 * Sets (or clears) a maintainer's score override on a task. Awards already made are adjusted by new
 * ledger entries (never edited), and totals follow in the same transaction.
 */
export const setTaskScore = defineCommand({
  name: "task.set-score",
  input: ZSetTaskScore,
  permission: "task.score",
  async run({ tx, actor, actorId }, input) {
    const { task } = await taskForChange(tx, actor, input.taskId, "task.score");
    const season = await seasonForAwards(tx, task.seasonId);
    const before = { score: task.score, source: task.scoreSource };
    const next =
      input.score !== null
        ? { score: input.score, scoreSource: "override" as const }
        : task.statedScore !== null
          ? { score: task.statedScore, scoreSource: "body" as const }
          : task.difficulty && Object.hasOwn(season.difficulties, task.difficulty)
            ? { score: season.difficulties[task.difficulty] ?? null, scoreSource: "default" as const }
            : { score: null, scoreSource: "none" as const };
    await tx
      .update(tasks)
      .set({ ...next, scoreOverride: input.score, scoreOverrideReason: input.score === null ? null : input.reason, updatedAt: new Date() })
      .where(eq(tasks.id, task.id));
    await audit(tx, {
      seasonId: task.seasonId,
      taskId: task.id,
      actorId,
      action: input.score === null ? "task.score_cleared" : "task.score_set",
      before,
      after: { score: next.score, source: next.scoreSource },
      reason: input.reason,
    });
    const result = await awardSeason(tx, season, { taskIds: [task.id], pullRequestIds: [] });
    return { score: next.score, entries: result.entries };
  },
});
