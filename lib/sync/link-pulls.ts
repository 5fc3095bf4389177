import { and, inArray, ne, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { columnList, jsonRows } from "@/db/json-rows";
import { pullRequestRefs, pullRequestTasks, tasks } from "@/db/schema";
import { DEFAULT_WEB_BASE, formerNameMap, mergeReferences, parseReferences } from "@/lib/rules/references";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import type { SeasonForAwards } from "@/lib/scoring/award-season";
import { chunks } from "@/lib/util/chunks";
import type { IngestBatch } from "./types";

const REF_COLUMNS = { pull_request_id: "integer", repository_id: "integer", number: "integer", source: "link_source" };
const LINK_COLUMNS = { pull_request_id: "integer", task_id: "integer", source: "link_source" };

/**
 * Links the batch's pull requests to the tasks they reference (any season, from any repository: a companion
 * repository's PR completes a listed repository's task it names; a former repository name is read as the current
 * one): every reference is kept, task or not yet; links the text no longer makes are dropped (manual ones stay). Returns the links made and the
 * tasks whose links were dropped (both are re-derived).
 */
export async function linkPullRequests(
  tx: Executor,
  allSeasons: SeasonForAwards[],
  pulls: IngestBatch["pullRequests"],
  prId: (repo: string, number: number) => number,
  webBase: string | undefined,
) {
  const prefixes = [...new Set(allSeasons.flatMap((s) => s.taskTitlePrefixes))];
  // A reference by a repository's former name (any season's `formerNames`) is to its current name.
  const formerNames = formerNameMap(allSeasons.map((s) => s.options.formerNames));
  // Issue URLs on the configured GitHub (Enterprise, or the demo's), and on github.com.
  const webBases = [...new Set([webBase ?? DEFAULT_WEB_BASE, DEFAULT_WEB_BASE])];
  const refsByPr = pulls.map((p) => ({
    pr: p,
    refs: mergeReferences(p.closingIssues, parseReferences(`${p.title}\n${p.body}`, { repo: p.repo, prefixes, webBase: webBases, formerNames }), formerNames),
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
  const batchPrIds = pulls.map((p) => prId(p.repo, p.number));
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
  return { links, droppedTasks: dropped.map((d) => d.taskId), batchPrIds };
}

/** Tasks of this batch that merged pull requests pointed at before they were tasks: linked now. */
export async function linkNewTasks(tx: Executor, taskIds: number[]): Promise<void> {
  for (const part of chunks(taskIds)) {
    await tx.execute(sql`
      insert into ${pullRequestTasks} (pull_request_id, task_id, source)
      select r.pull_request_id, t.id, r.source from ${pullRequestRefs} r
      join ${tasks} t on t.repository_id = r.repository_id and t.number = r.number
      where t.id in (${sql.join(part.map((id) => sql`${id}`), sql`, `)})
      on conflict do nothing`);
  }
}
