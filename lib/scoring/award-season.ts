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
  tasks,
  type Season,
} from "@/db/schema";
import { desiredAwards, reconcile, type AwardPullRequest, type LedgerFamily } from "@/lib/scoring/awards";
import { refreshTotals } from "@/lib/scoring/refresh-totals";

export type SeasonForAwards = Season & { repos: string[] };

const CHUNK = 1000;
const inChunks = async <T,>(ids: number[], fn: (part: number[]) => Promise<T[]>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await fn(ids.slice(i, i + CHUNK))));
  return out;
};

/**
 * Brings one season's ledger in line with what its tasks and pull requests say, for a scope of tasks and
 * pull requests (or the whole season), then refreshes the affected totals. Appends only.
 */
export async function awardSeason(
  tx: Executor,
  season: SeasonForAwards,
  scope: { taskIds: number[]; pullRequestIds: number[] } | "all",
): Promise<{ entries: number; points: number }> {
  let taskIds: number[];
  let prScope: number[];
  if (scope === "all") {
    taskIds = (await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.seasonId, season.id))).map((t) => t.id);
    prScope = (
      await tx
        .select({ id: pullRequests.id })
        .from(pullRequests)
        .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
        .where(inArray(repositories.fullName, season.repos.length ? season.repos : [""]))
    ).map((p) => p.id);
  } else {
    // Tasks of the scope's pull requests, in this season, join the scope.
    const viaPrs = await inChunks(scope.pullRequestIds, (part) =>
      tx
        .select({ taskId: pullRequestTasks.taskId })
        .from(pullRequestTasks)
        .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
        .where(and(eq(tasks.seasonId, season.id), inArray(pullRequestTasks.pullRequestId, part))),
    );
    taskIds = [...new Set([...scope.taskIds, ...viaPrs.map((v) => v.taskId)])];
    prScope = scope.pullRequestIds;
  }
  if (taskIds.length === 0 && prScope.length === 0) return { entries: 0, points: 0 };

  const taskRows = await inChunks(taskIds, (part) => tx.select().from(tasks).where(and(eq(tasks.seasonId, season.id), inArray(tasks.id, part))));
  taskIds = taskRows.map((t) => t.id);
  const links = await inChunks(taskIds, (part) => tx.select().from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)));
  const prIds = [...new Set([...links.map((l) => l.pullRequestId), ...prScope])];
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
  // Who may reward: maintainers of the PR's repository, and admins.
  const roleRows = await tx
    .select({ login: participants.login, role: roles.role, repositoryId: roles.repositoryId })
    .from(roles)
    .innerJoin(participants, eq(participants.id, roles.participantId));
  const mayReward = (login: string | null, repositoryId: number) =>
    login !== null &&
    roleRows.some((r) => r.login.toLowerCase() === login.toLowerCase() && (r.role === "admin" || r.repositoryId === repositoryId));

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
  const taskSet = new Set(taskIds);
  const prSet = new Set(prIds);
  const owned = (a: { key: string; taskId: number | null; pullRequestId: number }) =>
    a.key.includes(":reward:") ? prSet.has(a.pullRequestId) : a.taskId !== null && taskSet.has(a.taskId);
  const desired = desiredAwards({ ...season, repos: season.repos }, awardTasks, pulls).filter(owned);

  const prefix = `s${season.id}:`;
  const existingRows = await tx
    .select()
    .from(scoreEntries)
    .where(
      and(
        eq(scoreEntries.seasonId, season.id),
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
  const corrections = reconcile(desired, [...families.values()].filter(owned));
  const now = new Date();
  for (let i = 0; i < corrections.length; i += CHUNK) {
    await tx
      .insert(scoreEntries)
      .values(
        corrections.slice(i, i + CHUNK).map((c) => ({
          seasonId: season.id,
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
      .onConflictDoNothing();
  }

  // Task states follow the awards.
  const completed = new Set(desired.map((a) => a.taskId).filter((t): t is number => t !== null));
  const done = taskIds.filter((t) => completed.has(t));
  const notDone = taskIds.filter((t) => !completed.has(t));
  for (let i = 0; i < done.length; i += CHUNK) {
    await tx.update(tasks).set({ state: "completed" }).where(inArray(tasks.id, done.slice(i, i + CHUNK)));
  }
  for (let i = 0; i < notDone.length; i += CHUNK) {
    await tx
      .update(tasks)
      .set({ state: sql`case when ${tasks.pickedUpById} is not null then 'picked'::task_state else 'open'::task_state end` })
      .where(inArray(tasks.id, notDone.slice(i, i + CHUNK)));
  }

  const affected = [...new Set(corrections.map((c) => c.participantId))];
  if (affected.length > 0) await refreshTotals(tx, season.id, affected);
  return { entries: corrections.length, points: corrections.reduce((n, c) => n + c.points, 0) };
}
