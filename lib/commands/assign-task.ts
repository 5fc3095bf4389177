import { eq, sql } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import { z } from "zod";
import { participants, tasks } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { ZLogin } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit, taskForChange } from "./load";

export const ZAssignTask = z.object({
  taskId: zId("a task"),
  /** Empty releases the task. */
  login: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), ZLogin.nullable()),
  reason: z.string().trim().max(500).optional(),
});

/** A maintainer assigns a task to a participant, or releases a (stale) claim. */
export const assignTask = defineCommand({
  name: "task.assign",
  input: ZAssignTask,
  permission: "task.assign",
  async run({ tx, actor, actorId }, input) {
    const { task } = await taskForChange(tx, actor, input.taskId, "task.assign");
    if (task.state === "completed") throw new RuleError("This task is already completed.", words("errors.taskCompleted"));
    let holder: { id: number; login: string } | null = null;
    if (input.login) {
      const [p] = await tx.select({ id: participants.id, login: participants.login }).from(participants).where(eq(sql`lower(${participants.login})`, input.login.toLowerCase()));
      if (!p) throw new RuleError(`No participant ${input.login} yet: they appear once they sign in or author a pull request.`, words("errors.noParticipant", { login: input.login }));
      holder = p;
    }
    const [before] = await tx.select({ login: participants.login }).from(participants).where(eq(participants.id, task.pickedUpById ?? -1));
    await tx
      .update(tasks)
      .set({ pickedUpById: holder?.id ?? null, pickedUpAt: holder ? new Date() : null, state: holder ? "picked" : "open", updatedAt: new Date() })
      .where(eq(tasks.id, task.id));
    await audit(tx, {
      seasonId: task.seasonId,
      taskId: task.id,
      actorId,
      action: holder ? "task.assign" : "task.release",
      before: { holder: before?.login ?? null },
      after: { holder: holder?.login ?? null },
      reason: input.reason ?? null,
    });
    return { holder: holder?.login ?? null };
  },
});
