import { and, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { publishChange } from "@/lib/cache/changes";
import { tasks } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { GitHubError } from "@/lib/github/client";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { fetchIssues, fetchPulls } from "./fetch";
import { fetchIssuesByNumber, type IssueRef } from "./fetch-by-number";
import { ingest } from "./ingest";
import { importCommentCommands } from "./issue-comments";
import { env } from "@/lib/env";
import { prefetchInOrder, type FetchJob, type PageQueue } from "./prefetch";
import type { Run, SeasonRow, Target } from "./run-sync";
import type { GhIssue, GhPullRequest, IngestBatch } from "./types";
import { markedIssues } from "./umbrellas";
import { readRegistration } from "./registration";
import { moveWatermark } from "./watermark";

/** How many repositories' searches run at once by default: a few, well under GitHub's secondary limits. */
export const SYNC_CONCURRENCY = 4;

type Page = { issues?: GhIssue[]; missing?: IssueRef[]; pullRequests?: GhPullRequest[] };

/** A repository GitHub does not know (or the token cannot read): reported, and the other repositories go on. */
function repoProblem(error: unknown, repo: string): string | null {
  if (error instanceof GitHubError && error.code === "graphql" && /cannot be searched|do not exist|Could not resolve to a Repository/i.test(error.message)) {
    return `${repo}: not found on GitHub, or the token cannot read it`;
  }
  return null;
}

/**
 * Every season's repositories: the fetches run ahead, `concurrency` at once (`lib/sync/prefetch.ts`), and the
 * writes happen here in the order a one-at-a-time import made them, season after season.
 */
export async function importSeasons(run: Run, plan: { season: SeasonRow; targets: Target[] }[]): Promise<void> {
  const { db, options } = run;
  const jobs: FetchJob<Page>[] = [];
  const issuesJob = new Map<Target, number>();
  const pullsJob = new Map<Target, number>();
  for (const { season, targets } of plan) {
    for (const t of targets.filter((t) => !t.companion)) {
      issuesJob.set(t, jobs.length);
      jobs.push({
        run: async (push) => {
          await fetchIssues(options.client, t.fetch, async (issues) => push({ issues }));
          // Umbrellas and maintainer-marked tasks need not carry the label the searches find tasks by.
          await push(await fetchIssuesByNumber(options.client, await markedIssues(db, season, t.repositoryId, t.repo)));
        },
      });
    }
    for (const t of targets) {
      pullsJob.set(t, jobs.length);
      // A repository whose issues could not be fetched is not searched for pull requests either.
      const issues = () => (issuesJob.has(t) ? fetcher.started(issuesJob.get(t)!)?.finished : undefined) ?? Promise.resolve(true);
      jobs.push({
        after: issues,
        run: async (push) => {
          if (await issues()) await fetchPulls(options.client, t.fetch, async (pullRequests) => push({ pullRequests }));
        },
      });
    }
  }
  const fetcher = prefetchInOrder(jobs, { concurrency: options.concurrency ?? SYNC_CONCURRENCY });
  try {
    for (const { season, targets } of plan) {
      await importSeason(run, season, targets, { issues: (t) => fetcher.queue(issuesJob.get(t)!), pulls: (t) => fetcher.queue(pullsJob.get(t)!) });
    }
  } finally {
    fetcher.abort();
    await fetcher.settled();
  }
}

/** A repository GitHub cannot serve is reported and the others go on; any other failure stops the run. */
async function guarded(run: Run, t: Target, work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    const problem = repoProblem(error, t.repo);
    if (!problem) throw error;
    if (!run.failed.has(t)) run.problems.push(`${t.slug} ${problem}`);
    run.failed.add(t);
    return false;
  }
}

type Queues = { issues: (t: Target) => PageQueue<Page>; pulls: (t: Target) => PageQueue<Page> };

/**
 * One season's writes: issues first, for every repository (a pull request may complete a task of another listed
 * repository), then pull requests; a repository's watermark moves once both are in.
 */
async function importSeason(run: Run, season: SeasonRow, mine: Target[], queues: Queues): Promise<void> {
  const { db, options, counts } = run;
  const highWater = new Map<Target, string>();
  const bump = (t: Target, at: string) => {
    const current = highWater.get(t);
    if (!current || at > current) highWater.set(t, at);
  };
  const store = (batch: IngestBatch) =>
    ingest(db, batch, { seasonSlugs: [season.slug], webBase: options.webBase, botComments: options.botComments ?? env().botComments, now: options.now?.() });
  // Teams first: the awards of the tasks and pull requests below see who is in which team.
  await readRegistration(run, season);
  for (const t of mine) {
    run.progress.step += 1;
    if (t.companion) continue;
    await run.report({ season: season.slug, repo: t.repo, phase: "tasks", done: counts.tasks, total: 0 });
    const seen: number[] = [];
    const ok = await guarded(run, t, async () => {
      for await (const page of queues.issues(t)) {
        for (const m of page.missing ?? []) run.problems.push(`${t.slug} ${m.repo}#${m.number}: an umbrella or marked task GitHub has no issue for`);
        const issues = page.issues ?? [];
        if (issues.length === 0) continue;
        const r = await store({ issues, pullRequests: [] });
        counts.tasks += r.tasks;
        counts.entries += r.entries;
        counts.pointsAwarded += r.pointsAwarded;
        for (const i of issues) {
          seen.push(i.number);
          bump(t, i.updatedAt);
        }
        await run.report({ season: season.slug, repo: t.repo, phase: "tasks", done: counts.tasks, total: 0 });
      }
    });
    if (ok && options.full) await deactivateMissing(db, season.id, t.repositoryId, seen, counts);
  }
  for (const t of mine) {
    await run.report({ season: season.slug, repo: t.repo, phase: "pull requests", done: counts.pullRequests, total: 0 });
    const ok =
      !run.failed.has(t) &&
      (await guarded(run, t, async () => {
        for await (const { pullRequests = [] } of queues.pulls(t)) {
          const r = await store({ issues: [], pullRequests });
          counts.pullRequests += r.pullRequests;
          counts.entries += r.entries;
          counts.pointsAwarded += r.pointsAwarded;
          for (const p of pullRequests) bump(t, p.updatedAt);
          await run.report({ season: season.slug, repo: t.repo, phase: "pull requests", done: counts.pullRequests, total: 0 });
        }
      }));
    run.progress.step += 1;
    if (!ok) continue;
    counts.repos += 1;
    await moveWatermark(db, { seasonId: season.id, repositoryId: t.repositoryId, kind: "all" }, highWater.get(t), run.started);
  }
  await readCommands(run, season, mine);
}

/** The comment commands on the season's open task issues that changed (`lib/sync/issue-comments.ts`). */
async function readCommands(run: Run, season: SeasonRow, mine: Target[]): Promise<void> {
  const done = mine.filter((t) => !t.companion && !run.failed.has(t));
  if (done.length === 0) return;
  const since = done.some((t) => t.fetch.since === null) ? null : new Date(Math.min(...done.map((t) => t.fetch.since!.getTime())));
  await run.report({ season: season.slug, repo: null, phase: "comment commands", done: 0, total: 0 });
  await importCommentCommands(run.db, run.options.client, {
    seasonId: season.id,
    repositoryIds: done.map((t) => t.repositoryId),
    since,
    now: run.options.now?.() ?? new Date(),
    mode: run.options.botComments ?? env().botComments,
  });
}

/** After a full import: tasks GitHub no longer marks (label removed), unless a maintainer marked them, lose their awards. */
async function deactivateMissing(db: Db, seasonId: number, repositoryId: number, seen: number[], counts: { entries: number; pointsAwarded: number }) {
  await transaction(db, async (tx) => {
    const gone = await tx
      .update(tasks)
      .set({ active: false, updatedAt: new Date() })
      .where(
        and(
          eq(tasks.seasonId, seasonId),
          eq(tasks.repositoryId, repositoryId),
          eq(tasks.active, true),
          eq(tasks.manual, false),
          seen.length ? notInArray(tasks.number, seen) : undefined,
        ),
      )
      .returning({ id: tasks.id });
    if (gone.length === 0) return;
    await publishChange(tx);
    const r = await awardSeason(tx, await seasonForAwards(tx, seasonId), { taskIds: gone.map((g) => g.id), pullRequestIds: [] });
    counts.entries += r.entries;
    counts.pointsAwarded += r.points;
  });
}
