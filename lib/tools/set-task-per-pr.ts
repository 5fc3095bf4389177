import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { ZFormBoolean } from "@/lib/util/form-boolean";
import { awardSeason } from "@/lib/scoring/award-season";
import { audit, seasonForAwards, taskForChange } from "./context";

export const ZSetTaskPerPr = z.object({
  taskId: z.coerce.number().int().positive(),
  perPr: ZFormBoolean,
  reason: z.string({ error: "say why" }).trim().min(3, { error: "say why (at least 3 characters)" }).max(500),
});

/** Marks an umbrella task per-PR (its score for every merged PR that references it), or back. */
export async function setTaskPerPr(db: Db, viewer: Viewer, input: z.infer<typeof ZSetTaskPerPr>) {
  return db.transaction(async (tx) => {
    const { task } = await taskForChange(tx, viewer, input.taskId, "task.score");
    if (task.perPr === input.perPr) return { entries: 0 };
    await tx.update(tasks).set({ perPr: input.perPr, updatedAt: new Date() }).where(eq(tasks.id, task.id));
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: viewer.participantId, action: "task.per_pr", before: { perPr: task.perPr }, after: { perPr: input.perPr }, reason: input.reason });
    return awardSeason(tx, await seasonForAwards(tx, task.seasonId), { taskIds: [task.id], pullRequestIds: [] });
  });
}
