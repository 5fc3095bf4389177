import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { repositories, seasons, seasonRepoTotals, seasonTotals, tasks } from "@/db/schema";
import { ForbiddenError, can, type Viewer } from "@/lib/auth/permissions";
import { checkGates, type GateStanding } from "@/lib/scoring/gates";
import { audit, NotFoundError, RuleError } from "./context";

export const ZTaskRef = z.object({ taskId: z.coerce.number({ error: "expected a task" }).int().positive() });

/** What a participant has in a season, as the gates count it. */
export async function standingOf(db: Db | Parameters<Parameters<Db["transaction"]>[0]>[0], seasonId: number, participantId: number): Promise<GateStanding> {
  const [total] = await db.select().from(seasonTotals).where(and(eq(seasonTotals.seasonId, seasonId), eq(seasonTotals.participantId, participantId)));
  const perRepo = await db
    .select({ repo: repositories.fullName, byDifficulty: seasonRepoTotals.byDifficulty })
    .from(seasonRepoTotals)
    .innerJoin(repositories, eq(repositories.id, seasonRepoTotals.repositoryId))
    .where(and(eq(seasonRepoTotals.seasonId, seasonId), eq(seasonRepoTotals.participantId, participantId)));
  return { points: total?.points ?? 0, byDifficulty: total?.byDifficulty ?? {}, byRepo: Object.fromEntries(perRepo.map((r) => [r.repo, r.byDifficulty])) };
}

/**
 * A participant picks up an open task: gates are checked (they are told how many points they still
 * need), and a task has one holder unless it is per-PR.
 */
export async function pickUpTask(db: Db, viewer: Viewer, input: z.infer<typeof ZTaskRef>) {
  if (!can(viewer, "task.pickup") || viewer.participantId === null) throw new ForbiddenError("task.pickup");
  const participantId = viewer.participantId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ task: tasks, repo: repositories.fullName, rules: seasons.rules, endsAt: seasons.endsAt })
      .from(tasks)
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
      .where(eq(tasks.id, input.taskId))
      .for("update", { of: tasks });
    if (!row || !row.task.active) throw new NotFoundError("task");
    const { task } = row;
    if (task.state === "completed" && !task.perPr) throw new RuleError("This task is already completed.");
    if (row.endsAt.getTime() < Date.now()) throw new RuleError("This season has ended.");
    if (task.pickedUpById === participantId) return { holder: viewer.login };
    if (task.pickedUpById !== null && !task.perPr) throw new RuleError("Someone else is working on this task. Pick another, or ask a maintainer if the claim looks stale.");
    const gate = checkGates({ difficulty: task.difficulty, repo: row.repo, minScoreRequired: task.minScoreRequired }, row.rules, await standingOf(tx, task.seasonId, participantId));
    if (!gate.ok) throw new RuleError(gate.reason);
    if (!task.perPr) {
      await tx.update(tasks).set({ pickedUpById: participantId, pickedUpAt: new Date(), state: "picked", updatedAt: new Date() }).where(eq(tasks.id, task.id));
    }
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: participantId, action: "task.pickup", after: { holder: viewer.login } });
    return { holder: viewer.login };
  });
}

/** The holder gives a task back. */
export async function giveUpTask(db: Db, viewer: Viewer, input: z.infer<typeof ZTaskRef>) {
  if (viewer.participantId === null) throw new ForbiddenError("task.pickup");
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for("update");
    if (!task) throw new NotFoundError("task");
    if (task.pickedUpById !== viewer.participantId) throw new RuleError("You are not holding this task.");
    await tx.update(tasks).set({ pickedUpById: null, pickedUpAt: null, state: "open", updatedAt: new Date() }).where(eq(tasks.id, task.id));
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: viewer.participantId, action: "task.give_up", before: { holder: viewer.login } });
    return { holder: null };
  });
}
