import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { repositories, seasons, seasonRepoTotals, seasonTotals, tasks } from "@/db/schema";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { checkGates, type GateStanding } from "@/lib/scoring/gates";
import { defineCommand, type Actor } from "./command";
import { zId } from "./fields";
import { audit } from "./load";

export const ZTaskRef = z.object({ taskId: zId("a task") });

/** What a participant has in a season, as the gates count it. */
export async function standingOf(db: Executor, seasonId: number, participantId: number): Promise<GateStanding> {
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
export const pickUpTask = defineCommand({
  name: "task.pick-up",
  input: ZTaskRef,
  permission: "task.pickup",
  async run({ tx, actor, authorize }, input) {
    authorize("task.pickup");
    const { participantId, login } = participantOf(actor);
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
    if (task.pickedUpById === participantId) return { holder: login };
    if (task.pickedUpById !== null && !task.perPr) throw new RuleError("Someone else is working on this task. Pick another, or ask a maintainer if the claim looks stale.");
    const gate = checkGates({ difficulty: task.difficulty, repo: row.repo, minScoreRequired: task.minScoreRequired }, row.rules, await standingOf(tx, task.seasonId, participantId));
    if (!gate.ok) throw new RuleError(gate.reason);
    if (!task.perPr) {
      await tx.update(tasks).set({ pickedUpById: participantId, pickedUpAt: new Date(), state: "picked", updatedAt: new Date() }).where(eq(tasks.id, task.id));
    }
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: participantId, action: "task.pickup", after: { holder: login } });
    return { holder: login };
  },
});

/** The holder gives a task back. */
export const giveUpTask = defineCommand({
  name: "task.give-up",
  input: ZTaskRef,
  permission: "task.pickup",
  async run({ tx, actor, authorize }, input) {
    authorize("task.pickup");
    const { participantId, login } = participantOf(actor);
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for("update");
    if (!task) throw new NotFoundError("task");
    if (task.pickedUpById !== participantId) throw new RuleError("You are not holding this task.");
    await tx.update(tasks).set({ pickedUpById: null, pickedUpAt: null, state: "open", updatedAt: new Date() }).where(eq(tasks.id, task.id));
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: participantId, action: "task.give_up", before: { holder: login } });
    return { holder: null };
  },
});

/** Picking up is a participant's own act: the operator and Podium itself pick up nothing. */
function participantOf(actor: Actor): { participantId: number; login: string } {
  if (typeof actor !== "object" || actor.participantId === null) throw new ForbiddenError("task.pickup");
  return { participantId: actor.participantId, login: actor.login };
}
