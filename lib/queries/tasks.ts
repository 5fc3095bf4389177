import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { auditEvents, participants, pullRequests, pullRequestTasks, repositories, scoreEntries, seasons, tasks } from "@/db/schema";

export type TaskFilter = { repo?: string; difficulty?: string; state?: "open" | "picked" | "completed" };

/** A season's active tasks for the tasks page and the API (no internal fields beyond the task id used by forms). */
export async function listTasks(db: Executor, slug: string, filter: TaskFilter) {
  const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  return db
    .select({
      id: tasks.id,
      repo: repositories.fullName,
      number: tasks.number,
      title: tasks.title,
      url: tasks.url,
      labels: tasks.labels,
      difficulty: tasks.difficulty,
      score: tasks.score,
      scoreSource: tasks.scoreSource,
      state: tasks.state,
      perPr: tasks.perPr,
      minScoreRequired: tasks.minScoreRequired,
      holder: participants.login,
      /** The holder hid themselves (#19): the public API does not name them. */
      holderHidden: participants.hidden,
      pickedAt: tasks.pickedUpAt,
    })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .leftJoin(participants, eq(participants.id, tasks.pickedUpById))
    .where(
      and(
        eq(tasks.seasonId, season.id),
        eq(tasks.active, true),
        filter.repo ? eq(repositories.fullName, filter.repo.toLowerCase()) : undefined,
        filter.difficulty ? eq(tasks.difficulty, filter.difficulty) : undefined,
        filter.state ? eq(tasks.state, filter.state) : undefined,
      ),
    )
    .orderBy(sql`case ${tasks.state} when 'open' then 0 when 'picked' then 1 else 2 end`, asc(repositories.fullName), asc(tasks.number));
}

const actor = alias(participants, "actor");
const author = alias(participants, "author");

/**
 * One task with its pull requests, ledger entries and audit history. `holderHidden`, a pull request's
 * `authorHidden` and an entry's `hidden`: the person hid themselves (#19); the page decides who sees them.
 */
export async function getTaskDetail(db: Executor, taskId: number) {
  const [row] = await db
    .select({ task: tasks, repo: repositories.fullName, season: seasons.slug, seasonName: seasons.name, seasonEndsAt: seasons.endsAt, holder: participants.login, holderHidden: participants.hidden })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
    .leftJoin(participants, eq(participants.id, tasks.pickedUpById))
    .where(eq(tasks.id, taskId));
  if (!row) return null;
  const pulls = await db
    .select({ id: pullRequests.id, repo: repositories.fullName, number: pullRequests.number, title: pullRequests.title, url: pullRequests.url, author: pullRequests.authorLogin, authorHidden: sql<boolean>`coalesce(${author.hidden}, false)`, mergedAt: pullRequests.mergedAt, source: pullRequestTasks.source })
    .from(pullRequestTasks)
    .innerJoin(pullRequests, eq(pullRequests.id, pullRequestTasks.pullRequestId))
    .leftJoin(author, eq(author.id, pullRequests.authorId))
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .where(eq(pullRequestTasks.taskId, taskId))
    .orderBy(asc(pullRequests.mergedAt));
  const entries = await db
    .select({ id: scoreEntries.id, login: participants.login, hidden: participants.hidden, points: scoreEntries.points, kind: scoreEntries.kind, reason: scoreEntries.reason, actor: actor.login, createdAt: scoreEntries.createdAt, revokes: scoreEntries.revokesEntryId })
    .from(scoreEntries)
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .leftJoin(actor, eq(actor.id, scoreEntries.actorId))
    .where(eq(scoreEntries.taskId, taskId))
    .orderBy(asc(scoreEntries.id));
  const history = await auditOf(db, { taskId });
  return { ...row, pulls, entries, history };
}

/** Audit events of a season or a task, newest first: who, when, old → new, why. */
export async function auditOf(db: Executor, scope: { seasonId?: number; taskId?: number }, limit = 200) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actor: actor.login,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
      at: auditEvents.createdAt,
      taskId: auditEvents.taskId,
      task: sql<string | null>`(select r.full_name || '#' || t.number from ${tasks} t join ${repositories} r on r.id = t.repository_id where t.id = ${auditEvents.taskId})`,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(scope.taskId !== undefined ? eq(auditEvents.taskId, scope.taskId) : eq(auditEvents.seasonId, scope.seasonId ?? -1))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
