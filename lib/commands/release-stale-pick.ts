import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tasks } from "@/db/schema";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit } from "./load";

/**
 * Podium releases a pick held `releaseAfterDays` with no open linked pull request (the scheduler's stale-pick
 * sweep). Only the very pick that was found stale: one that changed hands or was given back since does nothing.
 */
export const releaseStalePick = defineCommand({
  name: "task.release-stale",
  input: z.strictObject({ taskId: zId("a task"), holderId: zId("a holder"), pickedAt: z.date(), holder: z.string().min(1).max(100), days: z.int().positive() }),
  permission: "task.assign",
  async run({ tx, authorize }, input) {
    authorize("task.assign");
    const gone = await tx
      .update(tasks)
      .set({ pickedUpById: null, pickedUpAt: null, state: "open", updatedAt: new Date() })
      .where(and(eq(tasks.id, input.taskId), eq(tasks.state, "picked"), eq(tasks.pickedUpById, input.holderId), eq(tasks.pickedUpAt, input.pickedAt)))
      .returning({ seasonId: tasks.seasonId });
    const [row] = gone;
    if (!row) return { released: false };
    await audit(tx, { seasonId: row.seasonId, taskId: input.taskId, actorId: null, action: "task.release_stale", before: { holder: input.holder, pickedAt: input.pickedAt.toISOString() }, reason: `no open pull request within ${input.days} days` });
    return { released: true };
  },
});
