import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { pullRequests, pullRequestTasks, repositories, scoreEntries, seasonRepositories, seasons, tasks } from "@/db/schema";
import { reconcile, type Award, type Correction } from "@/lib/scoring/awards";
import { NotFoundError } from "@/lib/errors";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { eachChunk, inChunks } from "@/lib/util/chunks";
import { closeScope, decisionSeason, ledgerFamilies, loadAwardInputs, loadContext, seasonMemberships, seasonRepoIds, type SeasonForAwards } from "./award-inputs";
import { decideSeason, type SeasonDecisions } from "./decisions";

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

/**
 * The decisions of a scope's pull requests, and what they rest on: the scorers whose whole season was replayed
 * (all of them for "all"). Reads only.
 */
export async function decideScope(tx: Executor, season: SeasonForAwards, scope: AwardScope): Promise<SeasonDecisions & { participantIds: number[] | "all"; taskIds: number[] }> {
  const s = decisionSeason(season);
  const repoNames = await seasonRepoIds(tx, s);
  const memberships = await seasonMemberships(tx, season.id);
  const repoIds = [...repoNames.keys()];
  let closed: { taskIds: number[]; prIds: number[]; participantIds: number[] | "all" };
  if (scope === "all") {
    const taskIds = (await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.seasonId, season.id))).map((t) => t.id);
    const inRepos = repoIds.length ? await tx.select({ id: pullRequests.id }).from(pullRequests).where(inArray(pullRequests.repositoryId, repoIds)) : [];
    const linked = await inChunks(taskIds, (part) => tx.select({ id: pullRequestTasks.pullRequestId }).from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)));
    closed = { taskIds, prIds: [...new Set([...inRepos, ...linked].map((p) => p.id))], participantIds: "all" };
  } else {
    closed = await closeScope(tx, s, repoIds, memberships, { taskIds: scope.taskIds, prIds: scope.pullRequestIds, participantIds: scope.participantIds ?? [] });
  }
  const { awardTasks, pulls } = await loadAwardInputs(tx, s, closed, repoNames);
  const ctx = await loadContext(tx, season.id, closed.participantIds, closed.taskIds);
  const decided = decideSeason(s, awardTasks, pulls, { ...ctx, memberships, repoNames });
  return { ...decided, participantIds: closed.participantIds, taskIds: awardTasks.map((t) => t.id) };
}

/**
 * Brings one season's ledger in line with what its tasks and pull requests say, for a scope (or the whole season),
 * then refreshes the affected totals. Appends only. The steps: close the scope over the scorers it touches →
 * replay their season (pure, `decideSeason`) → reconcile the awards with their ledger families (pure) → append
 * the corrections → task states → totals.
 */
export async function awardSeason(tx: Executor, season: SeasonForAwards, scope: AwardScope): Promise<{ entries: number; points: number }> {
  if (scope !== "all" && scope.taskIds.length + scope.pullRequestIds.length + (scope.participantIds?.length ?? 0) === 0) return { entries: 0, points: 0 };
  const { awards, participantIds, taskIds } = await decideScope(tx, season, scope);
  const mine = participantIds === "all" ? () => true : ((set) => (a: { participantId: number }) => set.has(a.participantId))(new Set(participantIds));
  const desired = awards.filter(mine);
  const families = await ledgerFamilies(tx, season.id, participantIds);
  const corrections = reconcile(desired, families.filter(mine));

  await appendCorrections(tx, season.id, corrections);
  await updateTaskStates(tx, taskIds, desired);
  const affected = [...new Set(corrections.map((c) => c.participantId))];
  if (affected.length > 0) await refreshTotals(tx, season.id, affected);
  return { entries: corrections.length, points: corrections.reduce((n, c) => n + c.points, 0) };
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
