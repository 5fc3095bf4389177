import { eq } from "drizzle-orm";
import { z } from "zod";
import { tasks } from "@/db/schema";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { ZFormBoolean } from "@/lib/util/form-boolean";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, taskForChange } from "./load";

export const ZSetTaskPerPr = z.object({
  taskId: zId("a task"),
  perPr: ZFormBoolean,
  reason: ZReason,
});

/** Marks an umbrella task per-PR (its score for every merged PR that references it), or back. */
export const setTaskPerPr = defineCommand({
  name: "task.set-per-pr",
  input: ZSetTaskPerPr,
  permission: "task.mark",
  async run({ tx, actor, actorId }, input) {
    const { task } = await taskForChange(tx, actor, input.taskId, "task.mark");
    if (task.perPr === input.perPr) return { entries: 0 };
    await tx.update(tasks).set({ perPr: input.perPr, updatedAt: new Date() }).where(eq(tasks.id, task.id));
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId, action: "task.per_pr", before: { perPr: task.perPr }, after: { perPr: input.perPr }, reason: input.reason });
    return awardSeason(tx, await seasonForAwards(tx, task.seasonId), { taskIds: [task.id], pullRequestIds: [] });
  },
});
