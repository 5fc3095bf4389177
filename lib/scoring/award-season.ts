import { and, eq, inArray, isNotNull, like, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  participants,
  pullRequestRewards,
  pullRequests,
  pullRequestTasks,
  repositories,
  roles,
  scoreEntries,
  seasonRepositories,
  seasons,
  tasks,
  type Season,
} from "@/db/schema";
import { desiredAwards, reconcile, type AwardPullRequest, type Award, type Correction, type LedgerFamily } from "@/lib/scoring/awards";
import { NotFoundError } from "@/lib/errors";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { eachChunk, inChunks } from "@/lib/util/chunks";

export type SeasonForAwards = Season & { repos: string[] };
export type AwardScope = { taskIds: number[]; pullRequestIds: number[] } | "all";

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
 * Brings one season's ledger in line with what its tasks and pull requests say, for a scope of tasks and
 * pull requests (or the whole season), then refreshes the affected totals. Appends only. The steps:
 * resolve the scope → load what decides the awards → compute the desired awards (pure) → reconcile them
 * with the ledger's families (pure) → append the corrections → task states → totals.
 */
export async function awardSeason(tx: Executor, season: SeasonForAwards, scope: AwardScope): Promise<{ entries: number; points: number }> {
  // A final season's results are frozen (#18): imports are stored, but nothing is awarded until it is reopened.
  if (season.finalizedAt) return { entries: 0, points: 0 };
  const resolved = await resolveScope(tx, season, scope);
  if (resolved.taskIds.length === 0 && resolved.prScope.length === 0) return { entries: 0, points: 0 };

  const { taskIds, prIds, awardTasks, pulls } = await loadAwardInputs(tx, season, resolved);
  const taskSet = new Set(taskIds);
  const prSet = new Set(prIds);
  const owned = (a: { key: string; taskId: number | null; pullRequestId: number }) =>
    a.key.includes(":reward:") ? prSet.has(a.pullRequestId) : a.taskId !== null && taskSet.has(a.taskId);
  const desired = desiredAwards(season, awardTasks, pulls).filter(owned);
  const families = await ledgerFamilies(tx, season.id, taskIds, prIds);
  const corrections = reconcile(desired, families.filter(owned));

  await appendCorrections(tx, season.id, corrections);
  await updateTaskStates(tx, taskIds, desired);
  const affected = [...new Set(corrections.map((c) => c.participantId))];
  if (affected.length > 0) await refreshTotals(tx, season.id, affected);
  return { entries: corrections.length, points: corrections.reduce((n, c) => n + c.points, 0) };
}

/** The tasks and pull requests to re-derive: the whole season, or the given ones plus the tasks their PRs link to. */
async function resolveScope(tx: Executor, season: SeasonForAwards, scope: AwardScope): Promise<{ taskIds: number[]; prScope: number[] }> {
  if (scope === "all") {
    const taskIds = (await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.seasonId, season.id))).map((t) => t.id);
    const prScope = (
      await tx
        .select({ id: pullRequests.id })
        .from(pullRequests)
        .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
        .where(inArray(repositories.fullName, season.repos.length ? season.repos : [""]))
    ).map((p) => p.id);
    return { taskIds, prScope };
  }
  const viaPrs = await inChunks(scope.pullRequestIds, (part) =>
    tx
      .select({ taskId: pullRequestTasks.taskId })
      .from(pullRequestTasks)
      .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
      .where(and(eq(tasks.seasonId, season.id), inArray(pullRequestTasks.pullRequestId, part))),
  );
  return { taskIds: [...new Set([...scope.taskIds, ...viaPrs.map((v) => v.taskId)])], prScope: scope.pullRequestIds };
}

/** The season's tasks in scope, the pull requests linked to them (or in scope), and the `/reward`s that count. */
async function loadAwardInputs(tx: Executor, season: SeasonForAwards, scope: { taskIds: number[]; prScope: number[] }) {
  const taskRows = await inChunks(scope.taskIds, (part) => tx.select().from(tasks).where(and(eq(tasks.seasonId, season.id), inArray(tasks.id, part))));
  const taskIds = taskRows.map((t) => t.id);
  const links = await inChunks(taskIds, (part) => tx.select().from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)));
  const prIds = [...new Set([...links.map((l) => l.pullRequestId), ...scope.prScope])];
  const prRows = await inChunks(prIds, (part) =>
    tx
      .select({
        id: pullRequests.id,
        repositoryId: pullRequests.repositoryId,
        repo: repositories.fullName,
        number: pullRequests.number,
        authorId: pullRequests.authorId,
        authorIsBot: participants.isBot,
        mergedAt: pullRequests.mergedAt,
        createdAt: pullRequests.githubCreatedAt,
      })
      .from(pullRequests)
      .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
      .leftJoin(participants, eq(participants.id, pullRequests.authorId))
      .where(inArray(pullRequests.id, part)),
  );
  const rewardRows = await inChunks(prIds, (part) => tx.select().from(pullRequestRewards).where(inArray(pullRequestRewards.pullRequestId, part)));
  const mayReward = await rewarders(tx);

  const pulls: AwardPullRequest[] = prRows.map((p) => ({
    id: p.id,
    repo: p.repo,
    repositoryId: p.repositoryId,
    number: p.number,
    authorId: p.authorId !== null && p.authorIsBot === false ? p.authorId : null,
    mergedAt: p.mergedAt,
    createdAt: p.createdAt,
    taskIds: links.filter((l) => l.pullRequestId === p.id).map((l) => l.taskId),
    rewards: rewardRows
      .filter((r) => r.pullRequestId === p.id && mayReward(r.authorLogin, p.repositoryId))
      .map((r) => ({ commentId: r.commentId, points: r.points, at: r.commentedAt })),
  }));
  const awardTasks = taskRows.map((t) => ({
    id: t.id,
    repositoryId: t.repositoryId,
    number: t.number,
    score: t.score,
    difficulty: t.difficulty,
    perPr: t.perPr,
    active: t.active,
    pickedUpAt: t.pickedUpAt,
    createdAt: t.githubCreatedAt,
  }));
  return { taskIds, prIds, awardTasks, pulls };
}

/** Who may reward on a repository: its maintainers, and admins. */
async function rewarders(tx: Executor): Promise<(login: string | null, repositoryId: number) => boolean> {
  const roleRows = await tx
    .select({ login: participants.login, role: roles.role, repositoryId: roles.repositoryId })
    .from(roles)
    .innerJoin(participants, eq(participants.id, roles.participantId));
  return (login, repositoryId) =>
    login !== null &&
    roleRows.some((r) => r.login.toLowerCase() === login.toLowerCase() && (r.role === "admin" || r.repositoryId === repositoryId));
}

/** The ledger's automatic entries for these tasks and PRs, summed per award key and participant. */
async function ledgerFamilies(tx: Executor, seasonId: number, taskIds: number[], prIds: number[]): Promise<LedgerFamily[]> {
  const prefix = `s${seasonId}:`;
  const existingRows = await tx
    .select()
    .from(scoreEntries)
    .where(
      and(
        eq(scoreEntries.seasonId, seasonId),
        isNotNull(scoreEntries.awardKey),
        or(
          and(like(scoreEntries.awardKey, `${prefix}t%`), taskIds.length ? inArray(scoreEntries.taskId, taskIds) : sql`false`),
          and(like(scoreEntries.awardKey, `${prefix}reward:%`), prIds.length ? inArray(scoreEntries.pullRequestId, prIds) : sql`false`),
        ),
      ),
    )
    .orderBy(scoreEntries.id);
  const families = new Map<string, LedgerFamily>();
  for (const e of existingRows) {
    const k = `${e.awardKey}|${e.participantId}`;
    const f = families.get(k);
    if (f) {
      f.net += e.points;
      f.entries += 1;
    } else {
      families.set(k, {
        key: e.awardKey!,
        participantId: e.participantId,
        taskId: e.taskId,
        pullRequestId: e.pullRequestId!,
        repositoryId: e.repositoryId!,
        difficulty: e.difficulty,
        occurredAt: e.occurredAt,
        reason: e.reason,
        net: e.points,
        entries: 1,
      });
    }
  }
  return [...families.values()];
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
