import { and, eq, inArray, ne, notInArray, or, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { afterCommit, transaction } from "@/db/transaction";
import { invalidateReads } from "@/lib/cache/micro-cache";
import { columnList, jsonRows } from "@/db/json-rows";
import { pullRequestRefs, pullRequestRewards, pullRequests, pullRequestTasks, repositories, seasonRepositories, seasons, tasks } from "@/db/schema";
import { DEFAULT_WEB_BASE, mergeReferences, parseReferences } from "@/lib/rules/references";
import { parseRewardCommand } from "@/lib/rules/reward-command";
import { isTask, readDifficulty, readMinScore, readScore, resolveTaskScore } from "@/lib/rules/task-fields";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import { awardSeason, type SeasonForAwards } from "@/lib/scoring/award-season";
import type { GhActor, IngestBatch, IngestCounts } from "./types";
import { upsertParticipants } from "./upsert-participants";
import { claimVersions, versionKey } from "./versions";

const CHUNK = 1000;
const REF_COLUMNS = { pull_request_id: "integer", repository_id: "integer", number: "integer", source: "link_source" };
const LINK_COLUMNS = { pull_request_id: "integer", task_id: "integer", source: "link_source" };
/** Pull request columns written by an import, with their SQL types (for `jsonRows`). */
const PR_COLUMNS = {
  repository_id: "integer",
  number: "integer",
  github_node_id: "text",
  url: "text",
  title: "text",
  author_id: "integer",
  author_login: "text",
  labels: "jsonb",
  state: "text",
  merged_at: "timestamptz",
  merged_by_login: "text",
  github_updated_at: "timestamptz",
  github_created_at: "timestamptz",
};
const ts = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
const chunks = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export type IngestOptions = { seasonSlugs?: string[]; webBase?: string };

async function loadSeasons(tx: Executor, slugs?: string[]): Promise<SeasonForAwards[]> {
  const rows = await tx
    .select()
    .from(seasons)
    .where(slugs ? inArray(seasons.slug, slugs) : undefined);
  const repos = await tx
    .select({ seasonId: seasonRepositories.seasonId, fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId));
  return rows.map((s) => ({ ...s, repos: repos.filter((r) => r.seasonId === s.id).map((r) => r.fullName) }));
}

/**
 * Stores a batch of GitHub objects and brings the ledger in line with them, in one transaction:
 * participants, tasks (per season), pull requests, their task links and rewards, then award
 * corrections and totals. Idempotent: the same batch twice leaves the same rows; an object older than the
 * version of it already stored is skipped (`versions.ts`).
 */
export async function ingest(db: Executor, given: IngestBatch, options: IngestOptions = {}): Promise<IngestCounts> {
  return transaction(db, async (tx) => {
    const allSeasons = await loadSeasons(tx, options.seasonSlugs);
    const repoIds = await ensureRepositories(tx, [...given.issues.map((i) => i.repo), ...given.pullRequests.map((p) => p.repo)]);
    const repoId = (name: string) => repoIds.get(name.toLowerCase())!;

    // Newer wins: what GitHub gave before a version already stored is not written over it. A stale pull
    // request's `/reward` comments are still kept (rewards are keyed by comment and never taken back here).
    const current = await claimVersions(tx, [
      ...given.issues.map((i) => ({ repositoryId: repoId(i.repo), number: i.number, updatedAt: i.updatedAt })),
      ...given.pullRequests.map((p) => ({ repositoryId: repoId(p.repo), number: p.number, updatedAt: p.updatedAt })),
    ]);
    const isCurrent = (o: { repo: string; number: number; updatedAt: string }) => current.has(versionKey(repoId(o.repo), o.number, o.updatedAt));
    const batch: IngestBatch = { issues: given.issues.filter(isCurrent), pullRequests: given.pullRequests.filter(isCurrent) };
    const staleWithComments = given.pullRequests.filter((p) => !isCurrent(p) && p.comments.length > 0);

    const actors: GhActor[] = [];
    for (const i of batch.issues) if (i.author) actors.push(i.author);
    for (const p of batch.pullRequests) {
      if (p.author) actors.push(p.author);
      for (const c of p.comments) if (c.author) actors.push(c.author);
    }
    for (const p of staleWithComments) for (const c of p.comments) if (c.author) actors.push(c.author);
    const people = await upsertParticipants(tx, actors);

    // Tasks, per season listing the issue's repository.
    const touchedTasks = new Map<number, Set<number>>();
    let taskCount = 0;
    for (const season of allSeasons) {
      const issues = batch.issues.filter((i) => season.repos.includes(i.repo.toLowerCase()));
      if (issues.length === 0) continue;
      const existing = await tx
        .select({ id: tasks.id, repositoryId: tasks.repositoryId, number: tasks.number, scoreOverride: tasks.scoreOverride, manual: tasks.manual })
        .from(tasks)
        .where(and(eq(tasks.seasonId, season.id), inArray(tasks.repositoryId, [...new Set(issues.map((i) => repoId(i.repo)))])));
      const known = new Map(existing.map((t) => [`${t.repositoryId}#${t.number}`, t]));
      const difficulties = Object.keys(season.difficulties);
      const rows = issues
        .map((issue) => {
          const prior = known.get(`${repoId(issue.repo)}#${issue.number}`);
          const marked = isTask(issue, season);
          if (!marked && !prior) return null;
          const difficulty = readDifficulty(issue, difficulties);
          const stated = readScore(issue);
          const { score, source } = resolveTaskScore({ ...issue, difficulty, override: prior?.scoreOverride }, season.difficulties);
          return {
            seasonId: season.id,
            repositoryId: repoId(issue.repo),
            number: issue.number,
            githubNodeId: issue.nodeId ?? null,
            url: issue.url ?? null,
            title: issue.title,
            labels: issue.labels,
            difficulty,
            score,
            scoreSource: source,
            statedScore: stated?.score ?? null,
            minScoreRequired: readMinScore(issue.body),
            active: marked || (prior?.manual ?? false),
            issueState: issue.state.toLowerCase(),
            githubCreatedAt: ts(issue.createdAt),
            githubUpdatedAt: ts(issue.updatedAt),
          };
        })
        .filter((r) => r !== null);
      for (const part of chunks(rows)) {
        const ids = await tx
          .insert(tasks)
          .values(part)
          .onConflictDoUpdate({
            target: [tasks.seasonId, tasks.repositoryId, tasks.number],
            set: {
              githubNodeId: sql`excluded.github_node_id`,
              url: sql`excluded.url`,
              title: sql`excluded.title`,
              labels: sql`excluded.labels`,
              difficulty: sql`excluded.difficulty`,
              score: sql`excluded.score`,
              scoreSource: sql`excluded.score_source`,
              statedScore: sql`excluded.stated_score`,
              minScoreRequired: sql`excluded.min_score_required`,
              active: sql`excluded.active`,
              issueState: sql`excluded.issue_state`,
              githubCreatedAt: sql`excluded.github_created_at`,
              githubUpdatedAt: sql`excluded.github_updated_at`,
              updatedAt: sql`now()`,
            },
          })
          .returning({ id: tasks.id });
        const set = touchedTasks.get(season.id) ?? new Set<number>();
        for (const { id } of ids) set.add(id);
        touchedTasks.set(season.id, set);
      }
      taskCount += rows.length;
    }

    // Pull requests.
    const prIds = new Map<string, number>();
    for (const part of chunks(batch.pullRequests)) {
      const values = part.map((p) => ({
        repository_id: repoId(p.repo),
        number: p.number,
        github_node_id: p.nodeId ?? null,
        url: p.url ?? null,
        title: p.title,
        author_id: p.author ? (people.get(p.author.login.toLowerCase()) ?? null) : null,
        author_login: p.author?.login ?? null,
        labels: p.labels,
        state: p.state.toLowerCase(),
        merged_at: p.mergedAt ?? null,
        merged_by_login: p.mergedBy,
        github_updated_at: p.updatedAt ?? null,
        github_created_at: p.createdAt ?? null,
      }));
      const rows = rowsOf<{ id: number; repositoryId: number; number: number }>(
        await tx.execute(sql`
          insert into ${pullRequests} ${columnList(PR_COLUMNS)} ${jsonRows(values, PR_COLUMNS)}
          on conflict (repository_id, number) do update set
            github_node_id = excluded.github_node_id, url = excluded.url, title = excluded.title,
            author_id = excluded.author_id, author_login = excluded.author_login, labels = excluded.labels,
            state = excluded.state, merged_at = excluded.merged_at,
            merged_by_login = coalesce(excluded.merged_by_login, ${pullRequests.mergedByLogin}),
            github_created_at = excluded.github_created_at, github_updated_at = excluded.github_updated_at, updated_at = now()
          returning id, repository_id as "repositoryId", number`),
      );
      for (const r of rows) prIds.set(`${r.repositoryId}#${r.number}`, r.id);
    }
    // Stale pull requests whose comments are still read: their stored rows, if any.
    if (staleWithComments.length > 0) {
      const keys = jsonRows(staleWithComments.map((p) => ({ repository_id: repoId(p.repo), number: p.number })), { repository_id: "integer", number: "integer" });
      const stored = rowsOf<{ id: number; repositoryId: number; number: number }>(
        await tx.execute(sql`select pr.id, pr.repository_id as "repositoryId", pr.number from ${pullRequests} pr
          join (${keys}) k on k.repository_id = pr.repository_id and k.number = pr.number`),
      );
      for (const r of stored) prIds.set(`${r.repositoryId}#${r.number}`, r.id);
    }
    const prId = (repo: string, number: number) => prIds.get(`${repoId(repo)}#${number}`)!;

    // Links to tasks (any season) and /reward comments.
    const prefixes = [...new Set(allSeasons.flatMap((s) => s.taskTitlePrefixes))];
    // Issue URLs on the configured GitHub (Enterprise, or the demo's), and on github.com.
    const webBases = [...new Set([options.webBase ?? DEFAULT_WEB_BASE, DEFAULT_WEB_BASE])];
    const refsByPr = batch.pullRequests.map((p) => ({
      pr: p,
      refs: mergeReferences(p.closingIssues, parseReferences(`${p.title}\n${p.body}`, { repo: p.repo, prefixes, webBase: webBases })),
    }));
    const refRepos = await ensureRepositories(tx, refsByPr.flatMap((r) => r.refs.map((x) => x.repo)));
    const wanted = refsByPr.flatMap(({ pr, refs }) => refs.map((r) => ({ pr, repositoryId: refRepos.get(r.repo)!, number: r.number, source: r.source })));
    const candidateTasks = wanted.length
      ? await tx
          .select({ id: tasks.id, seasonId: tasks.seasonId, repositoryId: tasks.repositoryId, number: tasks.number })
          .from(tasks)
          .where(
            or(
              ...chunks(wanted).map((part) =>
                sql`(${tasks.repositoryId}, ${tasks.number}) in (${sql.join(
                  part.map((w) => sql`(${w.repositoryId}, ${w.number})`),
                  sql`, `,
                )})`,
              ),
            ),
          )
      : [];
    const links = wanted.flatMap((w) =>
      candidateTasks
        .filter((t) => t.repositoryId === w.repositoryId && t.number === w.number)
        .map((t) => ({ pullRequestId: prId(w.pr.repo, w.pr.number), taskId: t.id, source: w.source, seasonId: t.seasonId })),
    );
    const batchPrIds = batch.pullRequests.map((p) => prId(p.repo, p.number));
    // Every reference is kept, task or not yet: an issue labelled later links to it then.
    if (batchPrIds.length) await tx.delete(pullRequestRefs).where(inArray(pullRequestRefs.pullRequestId, batchPrIds));
    const refRows = [
      ...new Map(
        wanted.map((w) => [`${prId(w.pr.repo, w.pr.number)}:${w.repositoryId}:${w.number}`, { pullRequestId: prId(w.pr.repo, w.pr.number), repositoryId: w.repositoryId, number: w.number, source: w.source }]),
      ).values(),
    ];
    for (const part of chunks(refRows)) {
      const values = part.map((r) => ({ pull_request_id: r.pullRequestId, repository_id: r.repositoryId, number: r.number, source: r.source }));
      await tx.execute(sql`insert into ${pullRequestRefs} ${columnList(REF_COLUMNS)} ${jsonRows(values, REF_COLUMNS)} on conflict do nothing`);
    }
    // Links a PR's text no longer makes are dropped (manual links stay); their tasks are re-derived below.
    const dropped = batchPrIds.length
      ? await tx
          .delete(pullRequestTasks)
          .where(
            and(
              inArray(pullRequestTasks.pullRequestId, batchPrIds),
              ne(pullRequestTasks.source, "manual"),
              links.length
                ? notInArray(
                    sql`(${pullRequestTasks.pullRequestId} || ':' || ${pullRequestTasks.taskId})`,
                    links.map((l) => `${l.pullRequestId}:${l.taskId}`),
                  )
                : undefined,
            ),
          )
          .returning({ taskId: pullRequestTasks.taskId })
      : [];
    for (const part of chunks(links)) {
      const values = part.map((l) => ({ pull_request_id: l.pullRequestId, task_id: l.taskId, source: l.source }));
      await tx.execute(sql`insert into ${pullRequestTasks} ${columnList(LINK_COLUMNS)} ${jsonRows(values, LINK_COLUMNS)} on conflict do nothing`);
    }
    const rewardedOnly = staleWithComments.filter((p) => prIds.has(`${repoId(p.repo)}#${p.number}`));
    const rewards = [...batch.pullRequests, ...rewardedOnly].flatMap((p) =>
      p.comments.flatMap((c) => {
        const points = parseRewardCommand(c.body);
        return points === null
          ? []
          : [{ commentId: c.id, pullRequestId: prId(p.repo, p.number), authorLogin: c.author?.login ?? null, points, commentedAt: new Date(c.createdAt) }];
      }),
    );
    for (const part of chunks(rewards)) {
      await tx
        .insert(pullRequestRewards)
        .values(part)
        .onConflictDoUpdate({ target: pullRequestRewards.commentId, set: { points: sql`excluded.points` } });
    }

    // Tasks of this batch that merged pull requests pointed at before they were tasks.
    const newTaskIds = [...touchedTasks.values()].flatMap((set) => [...set]);
    if (newTaskIds.length) {
      for (const part of chunks(newTaskIds)) {
        await tx.execute(sql`
          insert into ${pullRequestTasks} (pull_request_id, task_id, source)
          select r.pull_request_id, t.id, r.source from ${pullRequestRefs} r
          join ${tasks} t on t.repository_id = r.repository_id and t.number = r.number
          where t.id in (${sql.join(part.map((id) => sql`${id}`), sql`, `)})
          on conflict do nothing`);
      }
    }

    // Awards and totals, per season, for the tasks and pull requests this batch touched.
    let entries = 0;
    let pointsAwarded = 0;
    const droppedTasks = dropped.map((d) => d.taskId);
    for (const season of allSeasons) {
      const scopeTasks = new Set([...(touchedTasks.get(season.id) ?? []), ...links.filter((l) => l.seasonId === season.id).map((l) => l.taskId), ...droppedTasks]);
      const result = await awardSeason(tx, season, { taskIds: [...scopeTasks], pullRequestIds: [...batchPrIds, ...rewardedOnly.map((p) => prId(p.repo, p.number))] });
      entries += result.entries;
      pointsAwarded += result.points;
    }
    // New or changed tasks change the seasons' task counts (points changes invalidate through refreshTotals).
    if (taskCount > 0) afterCommit(tx, invalidateReads);
    return { tasks: taskCount, pullRequests: batch.pullRequests.length, entries, pointsAwarded };
  });
}
