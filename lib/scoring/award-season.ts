import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { pullRequests, pullRequestTasks, repositories, scoreEntries, seasonRepositories, seasons, tasks } from "@/db/schema";
import { reconcile, type Award, type Correction } from "@/lib/scoring/awards";
import { NotFoundError } from "@/lib/errors";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { eachChunk, inChunks } from "@/lib/util/chunks";
import { closeScope, decisionSeason, ledgerFamilies, loadAwardInputs, loadContext, seasonMemberships, seasonRepoIds, type FamilyScope, type SeasonForAwards } from "./award-inputs";
import { decideSeason, type DecisionSeason, type Membership, type SeasonDecisions } from "./decisions";

export type { SeasonForAwards } from "./award-inputs";
/** What to re-derive: the whole season, or what depends on some tasks, pull requests and scorers. */
export type AwardScope = { taskIds: number[]; pullRequestIds: number[]; participantIds?: number[] } | "all";

/** A season with its repositories' names, as the award engine needs it. */
export async function seasonForAwards(tx: Executor, seasonId: number): Promise<SeasonForAwards> {
  const [season] = await tx.select().from(seasons).where(eq(seasons.id, seasonId));
  if (!season) throw new NotFoundError("season");
  const repos = await tx
    .select({ fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, seasonId));
  return { ...season, repos: repos.map((r) => r.fullName) };
}

/** Which PRs' decisions are complete, and which ledger families the awards are reconciled with. */
type Closed = { taskIds: number[]; prIds: number[]; families: FamilyScope };

/**
 * The decisions of a scope's pull requests, and what they rest on. `forAwards`: when the season has no rule that
 * reads the moment (no gates, no stops, no task's own minimum), an award depends only on its task's other PRs, so
 * the scope is the tasks and their PRs (as cheap as before the second round); otherwise, and for the decisions'
 * own sake (a capped PR's counted points read the scorer's standing), the scorers' whole seasons. Reads only.
 */
export async function decideScope(tx: Executor, season: SeasonForAwards, scope: AwardScope, forAwards = false): Promise<SeasonDecisions & Closed> {
  const s = decisionSeason(season);
  const repoNames = await seasonRepoIds(tx, s);
  const memberships = await seasonMemberships(tx, season.id);
  const local = forAwards && (await orderFree(tx, season));
  const closed = await closeFor(tx, s, scope, [...repoNames.keys()], memberships, local);
  // Awards alone, with no rule reading the moment: what only outcomes need (other issues, standings) is not read.
  const { awardTasks, pulls } = await loadAwardInputs(tx, s, closed, repoNames, !local);
  const people = closed.families === "all" ? "all" : "participantIds" in closed.families ? closed.families.participantIds : [];
  const ctx = local ? {} : await loadContext(tx, season.id, people, closed.taskIds);
  return { ...decideSeason(s, awardTasks, pulls, { ...ctx, memberships, repoNames }), ...closed, taskIds: awardTasks.map((t) => t.id) };
}

async function closeFor(tx: Executor, s: DecisionSeason, scope: AwardScope, repoIds: number[], memberships: Membership[], local: boolean): Promise<Closed> {
  if (scope === "all") {
    const taskIds = (await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.seasonId, s.id))).map((t) => t.id);
    const inRepos = repoIds.length ? await tx.select({ id: pullRequests.id }).from(pullRequests).where(inArray(pullRequests.repositoryId, repoIds)) : [];
    const linked = await inChunks(taskIds, (part) => tx.select({ id: pullRequestTasks.pullRequestId }).from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)));
    return { taskIds, prIds: [...new Set([...inRepos, ...linked].map((p) => p.id))], families: "all" };
  }
  if (local) {
    const viaPrs = await inChunks(scope.pullRequestIds, (part) =>
      tx.select({ taskId: pullRequestTasks.taskId }).from(pullRequestTasks).innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId)).where(and(eq(tasks.seasonId, s.id), inArray(pullRequestTasks.pullRequestId, part))),
    );
    const taskIds = [...new Set([...scope.taskIds, ...viaPrs.map((v) => v.taskId)])];
    const links = await inChunks(taskIds, (part) => tx.select({ id: pullRequestTasks.pullRequestId }).from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)));
    const prIds = [...new Set([...links.map((l) => l.id), ...scope.pullRequestIds])];
    return { taskIds, prIds, families: { taskIds, prIds } };
  }
  const c = await closeScope(tx, s, repoIds, memberships, { taskIds: scope.taskIds, prIds: scope.pullRequestIds, participantIds: scope.participantIds ?? [] });
  return { taskIds: c.taskIds, prIds: c.prIds, families: { participantIds: c.participantIds } };
}

/** No rule of the season reads what a scorer had at a moment (gates, stops, a task's own minimum). */
async function orderFree(tx: Executor, season: SeasonForAwards): Promise<boolean> {
  if (season.rules.gates.length > 0 || (season.rules.stops ?? []).length > 0) return false;
  const [gated] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.seasonId, season.id), isNotNull(tasks.minScoreRequired))).limit(1);
  return gated === undefined;
}

/**
 * Brings one season's ledger in line with what its tasks and pull requests say, for a scope (or the whole season),
 * then refreshes the affected totals. Appends only. The steps: close the scope (`decideScope`) → replay (pure,
 * `decideSeason`) → reconcile the awards with the scope's ledger families (pure) → append the corrections → task
 * states → totals.
 */
export async function awardSeason(tx: Executor, season: SeasonForAwards, scope: AwardScope): Promise<{ entries: number; points: number }> {
  // A final season's results are frozen (#18): imports are stored, but nothing is awarded until it is reopened.
  if (season.finalizedAt) return { entries: 0, points: 0 };
  if (scope !== "all" && scope.taskIds.length + scope.pullRequestIds.length + (scope.participantIds?.length ?? 0) === 0) return { entries: 0, points: 0 };
  const { awards, families: scoped, taskIds } = await decideScope(tx, season, scope, true);
  const mine = ownedBy(scoped);
  const desired = awards.filter(mine);
  const families = await ledgerFamilies(tx, season.id, scoped);
  const corrections = reconcile(desired, families.filter(mine));

  await appendCorrections(tx, season.id, corrections);
  await updateTaskStates(tx, taskIds, desired);
  const affected = [...new Set(corrections.map((c) => c.participantId))];
  if (affected.length > 0) await refreshTotals(tx, season.id, affected);
  return { entries: corrections.length, points: corrections.reduce((n, c) => n + c.points, 0) };
}

/** Whether an award (or a ledger family) is in the scope whose decisions are complete. */
function ownedBy(scope: FamilyScope): (a: { key: string; participantId: number; taskId: number | null; pullRequestId: number }) => boolean {
  if (scope === "all") return () => true;
  if ("participantIds" in scope) {
    const people = new Set(scope.participantIds);
    return (a) => people.has(a.participantId);
  }
  const taskSet = new Set(scope.taskIds);
  const prSet = new Set(scope.prIds);
  return (a) => (a.key.includes(":reward:") ? prSet.has(a.pullRequestId) : a.taskId !== null && taskSet.has(a.taskId));
}

async function appendCorrections(tx: Executor, seasonId: number, corrections: Correction[]): Promise<void> {
  const now = new Date();
  await eachChunk(corrections, (part) =>
    tx
      .insert(scoreEntries)
      .values(
        part.map((c) => ({
          seasonId,
          participantId: c.participantId,
          teamId: c.teamId,
          taskId: c.taskId,
          pullRequestId: c.pullRequestId,
          repositoryId: c.repositoryId,
          difficulty: c.difficulty,
          points: c.points,
          kind: c.kind,
          actorId: null,
          reason: c.reason,
          // A correction counts from when it was made; a first award from the merge.
          occurredAt: c.kind === "award" ? c.occurredAt : now,
          sourceKey: c.sourceKey,
          awardKey: c.key,
        })),
      )
      .onConflictDoNothing(),
  );
}

/** Task states follow the awards: completed when awarded, else picked or open. */
async function updateTaskStates(tx: Executor, taskIds: number[], desired: Award[]): Promise<void> {
  const completed = new Set(desired.map((a) => a.taskId).filter((t): t is number => t !== null));
  await eachChunk(
    taskIds.filter((t) => completed.has(t)),
    (part) => tx.update(tasks).set({ state: "completed" }).where(inArray(tasks.id, part)),
  );
  await eachChunk(
    taskIds.filter((t) => !completed.has(t)),
    (part) =>
      tx
        .update(tasks)
        .set({ state: sql`case when ${tasks.pickedUpById} is not null then 'picked'::task_state else 'open'::task_state end` })
        .where(inArray(tasks.id, part)),
  );
}
