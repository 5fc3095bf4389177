import { and, asc, between, desc, eq, exists, inArray, isNotNull, isNull, lte, notExists, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appeals, participants, pullRequestRefs, pullRequests, pullRequestTasks, repositories, seasonRepositories, seasons, seasonTotals, tasks } from "@/db/schema";

/** Rows per section: the queue is a to-do list, not an archive. */
export const QUEUE_LIMIT = 100;
/** When the season's rules name no `releaseAfterDays`, a pick counts as stale after this many days. */
export const DEFAULT_STALE_DAYS = 7;

export type QueueTask = { id: number; repo: string; number: number; title: string; difficulty: string | null };
export type QueuePull = { id: number; repo: string; number: number; title: string; author: string | null; mergedAt: string | null; refs?: string[] };
export type QueuePick = QueueTask & { holder: string; pickedAt: string; days: number };
export type QueueAppeal = { id: number; pullRequestId: number; pr: string; title: string; author: string; message: string; createdAt: string; task: string | null };
export type MaintainerQueue = {
  needsScore: QueueTask[];
  notATask: QueuePull[];
  unlinked: QueuePull[];
  stalePicks: QueuePick[];
  appeals: QueueAppeal[];
  staleAfterDays: number;
};

/**
 * What needs a maintainer in one season, limited to the repositories they maintain (every listed one for an admin):
 * tasks that need a score, PRs that reference an issue that is not a task, merged PRs of the season's participants
 * linked to no task, stale picks, open appeals. Null when the season is unknown.
 */
export async function maintainerQueue(db: Executor, slug: string, repos: "all" | string[], now = new Date()): Promise<MaintainerQueue | null> {
  const [season] = await db.select().from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const listed = await db
    .select({ id: repositories.id, name: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, season.id));
  const mine = listed.filter((r) => repos === "all" || repos.includes(r.name));
  const ids = mine.map((r) => r.id);
  const staleAfterDays = season.rules.picks?.releaseAfterDays ?? DEFAULT_STALE_DAYS;
  if (ids.length === 0) return { needsScore: [], notATask: [], unlinked: [], stalePicks: [], appeals: [], staleAfterDays };
  const until = new Date(season.endsAt.getTime() + season.graceDays * 86_400_000);
  const [needsScore, notATask, unlinked, stalePicks, open] = await Promise.all([
    tasksNeedingScore(db, season.id, ids),
    pullsReferencingNonTasks(db, season.id, ids, season.startsAt, until),
    unlinkedMerges(db, season.id, ids, season.startsAt, until),
    picksOlderThan(db, season.id, ids, new Date(now.getTime() - staleAfterDays * 86_400_000), now),
    openAppeals(db, season.id, ids),
  ]);
  return { needsScore, notATask, unlinked, stalePicks, appeals: open, staleAfterDays };
}

const taskColumns = { id: tasks.id, repo: repositories.fullName, number: tasks.number, title: tasks.title, difficulty: tasks.difficulty };

function tasksNeedingScore(db: Executor, seasonId: number, repoIds: number[]): Promise<QueueTask[]> {
  return db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(eq(tasks.seasonId, seasonId), eq(tasks.active, true), isNull(tasks.score), inArray(tasks.repositoryId, repoIds)))
    .orderBy(asc(repositories.fullName), asc(tasks.number))
    .limit(QUEUE_LIMIT);
}

const pullColumns = {
  id: pullRequests.id,
  repo: repositories.fullName,
  number: pullRequests.number,
  title: pullRequests.title,
  author: pullRequests.authorLogin,
  mergedAt: pullRequests.mergedAt,
};
const asPull = (r: { id: number; repo: string; number: number; title: string; author: string | null; mergedAt: Date | null }): QueuePull => ({ ...r, mergedAt: r.mergedAt?.toISOString() ?? null });
const linkedInSeason = (seasonId: number) =>
  exists(
    sql`(select 1 from ${pullRequestTasks} inner join ${tasks} on ${tasks.id} = ${pullRequestTasks.taskId} where ${pullRequestTasks.pullRequestId} = ${pullRequests.id} and ${tasks.seasonId} = ${seasonId})`,
  );

/** PRs of the window that reference an issue of a listed repository which is no task of the season. */
async function pullsReferencingNonTasks(db: Executor, seasonId: number, repoIds: number[], from: Date, until: Date): Promise<QueuePull[]> {
  const rows = await db
    .select({ ...pullColumns, refRepo: sql<string>`target.full_name`, refNumber: pullRequestRefs.number })
    .from(pullRequestRefs)
    .innerJoin(pullRequests, eq(pullRequests.id, pullRequestRefs.pullRequestId))
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .innerJoin(sql`${repositories} as target`, sql`target.id = ${pullRequestRefs.repositoryId}`)
    .where(
      and(
        inArray(pullRequestRefs.repositoryId, repoIds),
        sql`coalesce(${pullRequests.mergedAt}, ${pullRequests.githubCreatedAt}) between ${from.toISOString()}::timestamptz and ${until.toISOString()}::timestamptz`,
        notExists(sql`(select 1 from ${tasks} where ${tasks.seasonId} = ${seasonId} and ${tasks.repositoryId} = ${pullRequestRefs.repositoryId} and ${tasks.number} = ${pullRequestRefs.number} and ${tasks.active})`),
      ),
    )
    .orderBy(desc(pullRequests.mergedAt), asc(repositories.fullName), asc(pullRequests.number))
    .limit(QUEUE_LIMIT * 4);
  const out = new Map<number, QueuePull>();
  for (const r of rows) {
    const pull = out.get(r.id) ?? { ...asPull(r), refs: [] };
    pull.refs!.push(`${r.refRepo}#${r.refNumber}`);
    out.set(r.id, pull);
  }
  return [...out.values()].slice(0, QUEUE_LIMIT);
}

/** Merged PRs in the window by the season's participants (someone with points in it) that are linked to no task and reference nothing. */
async function unlinkedMerges(db: Executor, seasonId: number, repoIds: number[], from: Date, until: Date): Promise<QueuePull[]> {
  const rows = await db
    .select(pullColumns)
    .from(pullRequests)
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .innerJoin(participants, eq(participants.id, pullRequests.authorId))
    .where(
      and(
        inArray(pullRequests.repositoryId, repoIds),
        isNotNull(pullRequests.mergedAt),
        between(pullRequests.mergedAt, from, until),
        eq(participants.isBot, false),
        exists(sql`(select 1 from ${seasonTotals} where ${seasonTotals.seasonId} = ${seasonId} and ${seasonTotals.participantId} = ${pullRequests.authorId})`),
        sql`not ${linkedInSeason(seasonId)}`,
        notExists(sql`(select 1 from ${pullRequestRefs} where ${pullRequestRefs.pullRequestId} = ${pullRequests.id})`),
      ),
    )
    .orderBy(desc(pullRequests.mergedAt))
    .limit(QUEUE_LIMIT);
  return rows.map(asPull);
}

/** Picks held since before `before` with no open pull request linked to the task. */
async function picksOlderThan(db: Executor, seasonId: number, repoIds: number[], before: Date, now: Date): Promise<QueuePick[]> {
  const rows = await db
    .select({ ...taskColumns, holder: participants.login, pickedAt: tasks.pickedUpAt })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .innerJoin(participants, eq(participants.id, tasks.pickedUpById))
    .where(
      and(
        eq(tasks.seasonId, seasonId),
        inArray(tasks.repositoryId, repoIds),
        eq(tasks.state, "picked"),
        lte(tasks.pickedUpAt, before),
        notExists(
          sql`(select 1 from ${pullRequestTasks} inner join ${pullRequests} on ${pullRequests.id} = ${pullRequestTasks.pullRequestId} where ${pullRequestTasks.taskId} = ${tasks.id} and ${pullRequests.state} = 'open')`,
        ),
      ),
    )
    .orderBy(asc(tasks.pickedUpAt))
    .limit(QUEUE_LIMIT);
  return rows.map((r) => ({ ...r, pickedAt: r.pickedAt!.toISOString(), days: Math.floor((now.getTime() - r.pickedAt!.getTime()) / 86_400_000) }));
}

/** Open appeals on PRs of these repositories, or completing a task of them; oldest first. */
async function openAppeals(db: Executor, seasonId: number, repoIds: number[]): Promise<QueueAppeal[]> {
  const rows = await db
    .select({
      id: appeals.id,
      pullRequestId: appeals.pullRequestId,
      repo: repositories.fullName,
      number: pullRequests.number,
      title: pullRequests.title,
      author: participants.login,
      message: appeals.message,
      createdAt: appeals.createdAt,
      task: sql<string | null>`(select tr.full_name || '#' || t.number from ${pullRequestTasks} pt join ${tasks} t on t.id = pt.task_id join ${repositories} tr on tr.id = t.repository_id where pt.pull_request_id = ${appeals.pullRequestId} and t.season_id = ${seasonId} order by t.id limit 1)`,
      taskRepoId: sql<number | null>`(select t.repository_id from ${pullRequestTasks} pt join ${tasks} t on t.id = pt.task_id where pt.pull_request_id = ${appeals.pullRequestId} and t.season_id = ${seasonId} order by t.id limit 1)`,
      prRepoId: pullRequests.repositoryId,
    })
    .from(appeals)
    .innerJoin(pullRequests, eq(pullRequests.id, appeals.pullRequestId))
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .innerJoin(participants, eq(participants.id, appeals.participantId))
    .where(and(eq(appeals.seasonId, seasonId), eq(appeals.status, "open")))
    .orderBy(asc(appeals.createdAt))
    .limit(QUEUE_LIMIT * 4);
  return rows
    .filter((r) => repoIds.includes(r.taskRepoId ?? r.prRepoId))
    .slice(0, QUEUE_LIMIT)
    .map((r) => ({ id: r.id, pullRequestId: r.pullRequestId, pr: `${r.repo}#${r.number}`, title: r.title, author: r.author, message: r.message, createdAt: r.createdAt.toISOString(), task: r.task }));
}
