import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { transaction } from "@/db/transaction";
import { repositories, seasonRepositories, seasons } from "@/db/schema";
import { publishChange } from "@/lib/cache/changes";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import { awardSeason, type SeasonForAwards } from "@/lib/scoring/award-season";
import { linkNewTasks, linkPullRequests } from "./link-pulls";
import { storePullRequests, storeRewards } from "./store-pulls";
import { storeTasks } from "./store-tasks";
import type { GhActor, IngestBatch, IngestCounts } from "./types";
import { upsertParticipants } from "./upsert-participants";
import { COMMAND_MAX_AGE_MS } from "@/lib/bot/comment-commands";
import { queueBotComment, type BotCommentsMode } from "@/lib/bot/post";
import { claimVersions, versionKey } from "./versions";

export type IngestOptions = {
  seasonSlugs?: string[];
  webBase?: string;
  /** `all`: the bot says once on each merged pull request that references a task what it earned (`PODIUM_BOT_COMMENTS`). */
  botComments?: BotCommentsMode;
  now?: Date;
};

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

    const { batch, staleWithComments } = await currentOnly(tx, given, repoId);
    const people = await upsertParticipants(tx, actorsOf(batch, staleWithComments));

    const { touchedTasks, taskCount } = await storeTasks(tx, allSeasons, batch.issues, repoId);
    const prIds = await storePullRequests(tx, batch.pullRequests, staleWithComments, repoId, people);
    const prId = (repo: string, number: number) => prIds.get(`${repoId(repo)}#${number}`)!;
    const { links, droppedTasks, batchPrIds } = await linkPullRequests(tx, allSeasons, batch.pullRequests, prId, options.webBase);
    const rewardedOnly = staleWithComments.filter((p) => prIds.has(`${repoId(p.repo)}#${p.number}`));
    await storeRewards(tx, [...batch.pullRequests, ...rewardedOnly], prId);
    await linkNewTasks(tx, [...touchedTasks.values()].flatMap((set) => [...set]));

    // Awards and totals, per season, for the tasks and pull requests this batch touched.
    let entries = 0;
    let pointsAwarded = 0;
    for (const season of allSeasons) {
      const scopeTasks = new Set([...(touchedTasks.get(season.id) ?? []), ...links.filter((l) => l.seasonId === season.id).map((l) => l.taskId), ...droppedTasks]);
      const result = await awardSeason(tx, season, { taskIds: [...scopeTasks], pullRequestIds: [...batchPrIds, ...rewardedOnly.map((p) => prId(p.repo, p.number))] });
      entries += result.entries;
      pointsAwarded += result.points;
    }
    if (options.botComments === "all") await queueOutcomes(tx, batch.pullRequests, links, prId, options.now ?? new Date());
    // Stored issues and PRs show on public pages (tasks, pulls, counts): expired on commit, in every process.
    await publishChange(tx);
    return { tasks: taskCount, pullRequests: batch.pullRequests.length, entries, pointsAwarded };
  });
}

/**
 * Newer wins: what GitHub gave before a version already stored is not written over it. A stale pull
 * request's `/reward` comments are still kept (rewards are keyed by comment and never taken back here).
 */
async function currentOnly(tx: Executor, given: IngestBatch, repoId: (name: string) => number) {
  const current = await claimVersions(tx, [
    ...given.issues.map((i) => ({ repositoryId: repoId(i.repo), number: i.number, updatedAt: i.updatedAt })),
    ...given.pullRequests.map((p) => ({ repositoryId: repoId(p.repo), number: p.number, updatedAt: p.updatedAt })),
  ]);
  const isCurrent = (o: { repo: string; number: number; updatedAt: string }) => current.has(versionKey(repoId(o.repo), o.number, o.updatedAt));
  const batch: IngestBatch = { issues: given.issues.filter(isCurrent), pullRequests: given.pullRequests.filter(isCurrent) };
  return { batch, staleWithComments: given.pullRequests.filter((p) => !isCurrent(p) && p.comments.length > 0) };
}

/** Everyone the batch names: issue and PR authors, commenters (also of stale PRs, whose comments are read). */
function actorsOf(batch: IngestBatch, staleWithComments: IngestBatch["pullRequests"]): GhActor[] {
  const actors: GhActor[] = [];
  for (const i of batch.issues) if (i.author) actors.push(i.author);
  for (const p of batch.pullRequests) {
    if (p.author) actors.push(p.author);
    for (const c of p.comments) if (c.author) actors.push(c.author);
  }
  for (const p of staleWithComments) for (const c of p.comments) if (c.author) actors.push(c.author);
  return actors;
}

/**
 * An outcome comment for each merged pull request of the batch that references a task, once per pull request and
 * season (its text is written when it is posted, from the decision then). Not for merges older than a command's
 * age: a first import of years of history says nothing on old pull requests.
 */
async function queueOutcomes(tx: Executor, pulls: IngestBatch["pullRequests"], links: { pullRequestId: number; seasonId: number }[], prId: (repo: string, number: number) => number, now: Date): Promise<void> {
  for (const p of pulls) {
    if (!p.mergedAt || now.getTime() - Date.parse(p.mergedAt) > COMMAND_MAX_AGE_MS) continue;
    const id = prId(p.repo, p.number);
    for (const seasonId of new Set(links.filter((l) => l.pullRequestId === id).map((l) => l.seasonId))) {
      await queueBotComment(tx, "all", { key: `outcome:${id}:${seasonId}`, kind: "outcome", seasonId, repo: p.repo, number: p.number, body: null, pullRequestId: id });
    }
  }
}
