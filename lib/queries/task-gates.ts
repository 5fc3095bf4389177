import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { gateWaivers, participants, repositories, seasons, tasks } from "@/db/schema";
import { decideScope, seasonForAwards } from "@/lib/scoring/award-season";
import { checkEligibility } from "@/lib/scoring/eligibility";
import { scorerNow, standingOf } from "@/lib/scoring/scorer-standing";
import type { Words } from "@/lib/i18n/words";
import { communityRolesOf } from "./community";

const actor = alias(participants, "actor");

/** The maintainers' gate waivers on a task: who, why, by whom, when. */
export async function taskWaivers(db: Executor, taskId: number) {
  return db
    .select({ login: participants.login, hidden: participants.hidden, reason: gateWaivers.reason, actor: actor.login, at: gateWaivers.createdAt })
    .from(gateWaivers)
    .innerJoin(participants, eq(participants.id, gateWaivers.participantId))
    .leftJoin(actor, eq(actor.id, gateWaivers.actorId))
    .where(eq(gateWaivers.taskId, taskId))
    .orderBy(asc(gateWaivers.createdAt));
}

/**
 * Who a gate keeps from this task, for the maintainers' waiver form: the holder if the gates refuse them now, and
 * the authors of linked PRs whose outcome is `gate` (the same decisions the engine makes). Bounded by the task's PRs'
 * authors' seasons.
 */
export async function belowGate(db: Executor, taskId: number): Promise<{ login: string; line: string; words: Words }[]> {
  const [row] = await db
    .select({ task: tasks, repo: repositories.fullName, rules: seasons.rules })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
    .where(eq(tasks.id, taskId));
  if (!row) return [];
  const out = new Map<number, { line: string; words: Words }>();
  const season = await seasonForAwards(db, row.task.seasonId);
  const { decisions } = await decideScope(db, season, { taskIds: [taskId], pullRequestIds: [] });
  for (const d of decisions) if (d.outcome === "gate" && d.taskId === taskId && d.kind === "gate" && d.scorer) out.set(d.scorer.participantId, { line: d.line, words: d.lineWords });
  const holder = row.task.pickedUpById;
  if (holder !== null && !out.has(holder)) {
    const scorer = await scorerNow(db, row.task.seasonId, holder);
    const role = (await communityRolesOf(db, [holder])).get(holder)?.role ?? null;
    const elig = checkEligibility({ difficulty: row.task.difficulty, repo: row.repo, minScoreRequired: row.task.minScoreRequired }, row.rules, await standingOf(db, row.task.seasonId, scorer, row.rules), {
      role,
      waived: false,
      teamDifficulties: null,
    });
    if (!elig.ok && elig.outcome === "gate") out.set(holder, { line: elig.reason, words: elig.words });
  }
  if (out.size === 0) return [];
  const waived = new Set((await taskWaivers(db, taskId)).map((w) => w.login.toLowerCase()));
  const people = await db.select({ id: participants.id, login: participants.login }).from(participants).where(inArray(participants.id, [...out.keys()]));
  const loginOf = new Map(people.map((p) => [p.id, p.login]));
  return [...out]
    .map(([id, why]) => ({ login: loginOf.get(id) ?? "", ...why }))
    .filter((r) => r.login !== "" && !waived.has(r.login.toLowerCase()));
}
