import { and, eq, inArray, ne } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { gateWaivers, repositories, seasons, tasks } from "@/db/schema";
import { communityRolesOf } from "@/lib/queries/community";
import { ForbiddenError, NotFoundError, PickRefusedError, RuleError } from "@/lib/errors";
import { checkEligibility } from "@/lib/scoring/eligibility";
import type { GateStanding } from "@/lib/scoring/gates";
import { checkPickLimit } from "@/lib/scoring/picks";
import { scorerNow, standingOf as scorerStanding } from "@/lib/scoring/scorer-standing";
import type { SeasonRules } from "@/lib/seasons/season-file";
import { defineCommand, type Actor } from "./command";
import { zId } from "./fields";
import { audit } from "./load";

export const ZTaskRef = z.object({ taskId: zId("a task") });

/** What a participant (or, from their `joinedAt`, their team) has in a season, as gates and stops count it. */
export async function standingOf(db: Executor, seasonId: number, participantId: number, rules: SeasonRules = { caps: [], gates: [], stops: [] }): Promise<GateStanding> {
  return scorerStanding(db, seasonId, await scorerNow(db, seasonId, participantId), rules);
}

/**
 * A participant picks up an open task. Refused, each with its own words: a task held by someone else, the pick
 * limit (a team's when `perTeamMember`), a difficulty the team may not take, a stop reached, a gate not met (unless
 * the member's community role or a maintainer's waiver lifts it). A task has one holder unless it is per-PR.
 */
export const pickUpTask = defineCommand({
  name: "task.pick-up",
  input: ZTaskRef,
  permission: "task.pickup",
  async run({ tx, actor, authorize }, input) {
    authorize("task.pickup");
    const { participantId, login } = participantOf(actor);
    const [row] = await tx
      .select({ task: tasks, repo: repositories.fullName, rules: seasons.rules, options: seasons.options, endsAt: seasons.endsAt })
      .from(tasks)
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
      .where(eq(tasks.id, input.taskId))
      .for("update", { of: tasks });
    if (!row || !row.task.active) throw new NotFoundError("task");
    const { task } = row;
    if (task.state === "completed" && !task.perPr) throw new RuleError("This task is already completed.", words("errors.taskCompleted"));
    if (row.endsAt.getTime() < Date.now()) throw new RuleError("This season has ended.", words("errors.seasonEnded"));
    if (task.pickedUpById === participantId) return { holder: login };
    if (task.pickedUpById !== null && !task.perPr) throw new RuleError("Someone else is working on this task. Pick another, or ask a maintainer if the claim looks stale.", words("errors.taskHeld"));
    const scorer = await scorerNow(tx, task.seasonId, participantId);
    if (!task.perPr) await checkLimit(tx, task.seasonId, row.rules, scorer);
    const counted = row.options?.countAs?.[row.repo] ?? Object.entries(row.options?.countAs ?? {}).find(([k]) => k.toLowerCase() === row.repo)?.[1] ?? row.repo;
    const [waiver] = await tx.select({ t: gateWaivers.taskId }).from(gateWaivers).where(and(eq(gateWaivers.taskId, task.id), eq(gateWaivers.participantId, participantId)));
    const role = (await communityRolesOf(tx, [participantId])).get(participantId)?.role ?? null;
    const elig = checkEligibility(
      { difficulty: task.difficulty, repo: counted.toLowerCase(), minScoreRequired: task.minScoreRequired },
      row.rules,
      await scorerStanding(tx, task.seasonId, scorer, row.rules),
      { role, waived: waiver !== undefined, teamDifficulties: scorer.team?.difficulties ?? null },
    );
    if (!elig.ok) throw new PickRefusedError(elig.outcome === "stopped" ? "stopped" : elig.kind === "team-difficulty" ? "team-difficulty" : "gate", elig.reason, elig.words);
    if (!task.perPr) {
      await tx.update(tasks).set({ pickedUpById: participantId, pickedUpAt: new Date(), state: "picked", updatedAt: new Date() }).where(eq(tasks.id, task.id));
    }
    const waived = elig.waived ? { waived: elig.waived } : {};
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId: participantId, action: "task.pickup", after: { holder: login, ...waived } });
    return { holder: login };
  },
});

/** At most `picks.max` open picks (a team: one set per member, counted together). */
async function checkLimit(tx: Executor, seasonId: number, rules: SeasonRules, scorer: Awaited<ReturnType<typeof scorerNow>>): Promise<void> {
  if (!rules.picks) return;
  const holders = rules.picks.perTeamMember && scorer.team ? scorer.team.members : [scorer.participantId];
  const open = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.seasonId, seasonId), eq(tasks.state, "picked"), eq(tasks.active, true), eq(tasks.perPr, false), ne(tasks.issueState, "closed"), inArray(tasks.pickedUpById, holders)));
  const limit = checkPickLimit(rules, { open: open.length, teamMembers: rules.picks.perTeamMember && scorer.team ? scorer.team.members.length : null });
  if (!limit.ok) throw new PickRefusedError("pick-limit", limit.reason, limit.words);
}

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
    if (task.pickedUpById !== participantId) throw new RuleError("You are not holding this task.", words("errors.notHolding"));
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
