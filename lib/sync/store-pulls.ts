import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { columnList, jsonRows } from "@/db/json-rows";
import { pullRequestRewards, pullRequests } from "@/db/schema";
import { parseRewardCommand } from "@/lib/rules/reward-command";
import { chunks } from "@/lib/util/chunks";
import type { IngestBatch } from "./types";

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

type Pulls = IngestBatch["pullRequests"];

/**
 * Upserts the batch's pull requests (bulk, one JSON parameter a chunk) and finds the stored rows of stale ones
 * whose comments are still read. Returns `repositoryId#number` → id.
 */
export async function storePullRequests(tx: Executor, pulls: Pulls, staleWithComments: Pulls, repoId: (name: string) => number, people: Map<string, number>) {
  const prIds = new Map<string, number>();
  for (const part of chunks(pulls)) {
    const labelsOf = await currentLabels(tx, part, repoId);
    const values = part.map((p) => ({
      repository_id: repoId(p.repo),
      number: p.number,
      github_node_id: p.nodeId ?? null,
      url: p.url ?? null,
      title: p.title,
      author_id: p.author ? (people.get(p.author.login.toLowerCase()) ?? null) : null,
      author_login: p.author?.login ?? null,
      labels: labelsOf(p),
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
  return prIds;
}

/**
 * The labels to store for each PR: its own list when whole; for an import's partial one (`labelsPartial`), the
 * stored labels without those it is known not to carry, plus those it is known to.
 */
async function currentLabels(tx: Executor, part: Pulls, repoId: (name: string) => number): Promise<(p: Pulls[number]) => string[]> {
  const partial = part.filter((p) => p.labelsPartial);
  const stored = new Map<string, string[]>();
  if (partial.length > 0) {
    const keys = jsonRows(partial.map((p) => ({ repository_id: repoId(p.repo), number: p.number })), { repository_id: "integer", number: "integer" });
    const rows = rowsOf<{ repositoryId: number; number: number; labels: string[] }>(
      await tx.execute(sql`select pr.repository_id as "repositoryId", pr.number, pr.labels from ${pullRequests} pr
        join (${keys}) k on k.repository_id = pr.repository_id and k.number = pr.number`),
    );
    for (const r of rows) stored.set(`${r.repositoryId}#${r.number}`, typeof r.labels === "string" ? (JSON.parse(r.labels) as string[]) : r.labels);
  }
  return (p) => {
    if (!p.labelsPartial) return p.labels;
    const without = new Set([...p.labelsPartial.without, ...p.labels].map((l) => l.toLowerCase()));
    const kept = (stored.get(`${repoId(p.repo)}#${p.number}`) ?? []).filter((l) => !without.has(l.toLowerCase()));
    return [...kept, ...p.labels];
  };
}

/** The `/reward N` comments of these pull requests, keyed by comment (an edit changes the points). */
export async function storeRewards(tx: Executor, pulls: Pulls, prId: (repo: string, number: number) => number): Promise<void> {
  const rewards = pulls.flatMap((p) =>
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
}
