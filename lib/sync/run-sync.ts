import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { repositories, seasonRepositories, seasons, syncCursors, tasks, type SyncCounts, type SyncProgress } from "@/db/schema";
import type { BotCommentsMode } from "@/lib/bot/post";
import { env } from "@/lib/env";
import { PodiumError } from "@/lib/errors";
import { GitHubError, type GitHubClient } from "@/lib/github/client";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import { fetchIssues, fetchPulls, type RepoFetch } from "./fetch";
import { importCommentCommands } from "./issue-comments";
import { fetchIssuesByNumber } from "./fetch-by-number";
import { hasUnstoredUmbrellas, markedIssues } from "./umbrellas";
import { ingest } from "./ingest";
import { probeQuery } from "./queries";
import { beginRun, emptyCounts, endRun, heartbeat, holdLease, SyncLeaseLostError, type LeaseTimes } from "./run-lock";
import { transaction } from "@/db/transaction";
import { errorText } from "@/lib/security/redact";
import { chunks } from "@/lib/util/chunks";
import type { GhIssue, IngestBatch } from "./types";

export type SyncOptions = {
  client: GitHubClient;
  /** Only this season (slug); all seasons otherwise. */
  season?: string;
  /** Ignore watermarks and re-import everything; tasks no longer marked lose their awards. */
  full?: boolean;
  trigger: "cli" | "action" | "webhook" | "demo" | "test" | "schedule";
  startedBy?: string | null;
  webBase?: string;
  onProgress?: (p: SyncProgress) => void;
  /** Called once the run holds the lock (before any GitHub query). */
  onStarted?: (runId: number) => void;
  /** The lease's length and renewal period (defaults: `LEASE_MS`, `LEASE_RENEW_MS`); tests shorten them. */
  lease?: LeaseTimes;
  /** What the bot answers to the comment commands this import reads (default `PODIUM_BOT_COMMENTS`). */
  botComments?: BotCommentsMode;
  /** The clock comment commands' age is judged by (tests inject one). */
  now?: () => Date;
};

export type SyncSummary = {
  runId: number;
  seasons: number;
  repos: number;
  reposSkipped: number;
  tasks: number;
  pullRequests: number;
  entries: number;
  pointsAwarded: number;
  graphqlCost: number;
  queries: number;
  durationMs: number;
  /** Repositories that could not be imported (the others were); the run is then marked failed with these. */
  problems: string[];
};

/** A repository GitHub does not know (or the token cannot read): reported, and the other repositories go on. */
function repoProblem(error: unknown, repo: string): string | null {
  if (error instanceof GitHubError && error.code === "graphql" && /cannot be searched|do not exist|Could not resolve to a Repository/i.test(error.message)) {
    return `${repo}: not found on GitHub, or the token cannot read it`;
  }
  return null;
}

export class UnknownSeasonError extends PodiumError {
  constructor(readonly slug: string) {
    super("NOT_FOUND", `unknown season: ${slug}`);
  }
}

const DAY = 86_400_000;
/** How far behind real time GitHub's search index may be: the watermark stays this much behind the run's start. */
const INDEX_LAG_MS = 10 * 60_000;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A (season, repository) to import; a companion repository's (`companionRepos`) only pull requests, it holds no tasks. */
type Target = { seasonId: number; slug: string; repositoryId: number; repo: string; companion: boolean; fetch: RepoFetch };
type SeasonRow = typeof seasons.$inferSelect;

/** What one run carries through its steps: its counts, where it is, and the repositories that failed. */
type Run = {
  db: Db;
  options: SyncOptions;
  started: number;
  counts: SyncCounts;
  progress: { step: number; steps: number };
  report: (p: SyncProgress) => Promise<void>;
  problems: string[];
  failed: Set<Target>;
};

/**
 * Imports task issues and merged pull requests for the seasons' repositories. Incremental: each
 * (season, repository) keeps a watermark, and one probe query tells which repositories changed at
 * all. Pages are stored as they arrive (idempotent upserts), and a watermark moves only once its
 * repository is fully imported, so a crash at any point is repaired by running it again.
 */
export async function runSync(db: Db, options: SyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const costBefore = options.client.stats.cost;
  const queriesBefore = options.client.stats.queries;
  const seasonRows = await db.select().from(seasons).where(options.season ? eq(seasons.slug, options.season) : undefined);
  if (options.season && seasonRows.length === 0) throw new UnknownSeasonError(options.season);

  const runId = await beginRun(db, {
    seasonId: options.season ? (seasonRows[0]?.id ?? null) : null,
    trigger: options.trigger,
    full: options.full ?? false,
    startedBy: options.startedBy,
  }, options.lease?.leaseMs);
  const lease = holdLease(db, runId, options.lease?.renewMs);
  options.onStarted?.(runId);
  const counts = emptyCounts();
  const progress = { step: 0, steps: 0 };
  const run: Run = {
    db,
    options,
    started,
    counts,
    progress,
    problems: [],
    failed: new Set(),
    report: async (p) => {
      p.step = progress.step;
      p.steps = progress.steps;
      options.onProgress?.(p);
      if (lease.lost() || !(await heartbeat(db, runId, counts, options.client.stats.cost - costBefore, p))) throw new SyncLeaseLostError(runId);
    },
  };

  try {
    const targets = await loadTargets(db, seasonRows, options.full ?? false);
    const unchanged = await probeUnchanged(options.client, targets);
    // An umbrella the season file lists now but Podium has not stored yet is fetched even when nothing changed.
    for (const t of [...unchanged]) {
      if (!t.companion && (await hasUnstoredUmbrellas(db, seasonRows.find((s) => s.id === t.seasonId)!, t.repositoryId, t.repo))) unchanged.delete(t);
    }
    progress.steps = (targets.length - unchanged.size) * 2;
    for (const season of seasonRows) await importSeason(run, season, targets.filter((t) => t.seasonId === season.id && !unchanged.has(t)));
    const graphqlCost = options.client.stats.cost - costBefore;
    await endRun(db, runId, { counts, graphqlCost, error: run.problems.length ? run.problems.join("; ") : undefined });
    return {
      runId,
      seasons: seasonRows.length,
      repos: counts.repos,
      reposSkipped: unchanged.size,
      tasks: counts.tasks,
      pullRequests: counts.pullRequests,
      entries: counts.entries,
      pointsAwarded: counts.pointsAwarded,
      graphqlCost,
      queries: options.client.stats.queries - queriesBefore,
      durationMs: Date.now() - started,
      problems: run.problems,
    };
  } catch (error) {
    await endRun(db, runId, { counts, graphqlCost: options.client.stats.cost - costBefore, error: errorText(error) });
    throw error;
  } finally {
    lease.stop();
  }
}

/** Every (season, repository) to import, listed and companion ones, with its watermark (none for a full import) and merge window. */
async function loadTargets(db: Db, seasonRows: SeasonRow[], full: boolean): Promise<Target[]> {
  const repoRows = await db
    .select({ seasonId: seasonRepositories.seasonId, repositoryId: repositories.id, repo: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(inArray(seasonRepositories.seasonId, seasonRows.length ? seasonRows.map((s) => s.id) : [-1]));
  const companionIds = await ensureRepositories(db, seasonRows.flatMap((s) => s.options.companionRepos));
  const companions = seasonRows.flatMap((s) =>
    s.options.companionRepos
      .map((name) => ({ seasonId: s.id, repositoryId: companionIds.get(name.toLowerCase())!, repo: name.toLowerCase() }))
      .filter((c) => !repoRows.some((r) => r.seasonId === c.seasonId && r.repositoryId === c.repositoryId)),
  );
  const cursors = await db.select().from(syncCursors).where(eq(syncCursors.kind, "all"));
  const rows = [...repoRows.map((r) => ({ ...r, companion: false })), ...companions.map((c) => ({ ...c, companion: true }))];
  return rows.map((r) => {
    const season = seasonRows.find((s) => s.id === r.seasonId)!;
    const watermark = full ? null : (cursors.find((c) => c.seasonId === r.seasonId && c.repositoryId === r.repositoryId)?.watermark ?? null);
    return {
      seasonId: season.id,
      slug: season.slug,
      repositoryId: r.repositoryId,
      repo: r.repo,
      companion: r.companion,
      fetch: {
        repo: r.repo,
        merged: { from: season.startsAt, to: new Date(season.endsAt.getTime() + season.graceDays * DAY) },
        since: watermark,
        taskLabels: season.taskLabels,
        taskTitlePrefixes: season.taskTitlePrefixes,
        voidLabels: season.options.voidLabels,
      },
    };
  });
}

/** One probe for every repository with a watermark: which of them changed at all? */
async function probeUnchanged(client: GitHubClient, targets: Target[]): Promise<Set<Target>> {
  const unchanged = new Set<Target>();
  for (const part of chunks(targets.filter((t) => t.fetch.since !== null), 50)) {
    const vars = Object.fromEntries(part.map((t, j) => [`q${j}`, `repo:${t.repo} updated:>=${iso(t.fetch.since!)}`]));
    const data = await client.query<Record<string, { issueCount: number }> & { rateLimit?: never }>(probeQuery(part.length), vars);
    part.forEach((t, j) => {
      if ((data[`r${j}`]?.issueCount ?? 1) === 0) unchanged.add(t);
    });
  }
  return unchanged;
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

/**
 * One season: issues first, for every repository (a pull request may complete a task of another listed
 * repository), then pull requests; a repository's watermark moves once both are in.
 */
async function importSeason(run: Run, season: SeasonRow, mine: Target[]): Promise<void> {
  const { db, options, counts } = run;
  const highWater = new Map<Target, string>();
  const bump = (t: Target, at: string) => {
    const current = highWater.get(t);
    if (!current || at > current) highWater.set(t, at);
  };
  const store = (batch: IngestBatch) =>
    ingest(db, batch, { seasonSlugs: [season.slug], webBase: options.webBase, botComments: options.botComments ?? env().botComments, now: options.now?.() });
  for (const t of mine) {
    run.progress.step += 1;
    if (t.companion) continue;
    await run.report({ season: season.slug, repo: t.repo, phase: "tasks", done: counts.tasks, total: 0 });
    const seen: number[] = [];
    const storeIssues = async (issues: GhIssue[]) => {
      const r = await store({ issues, pullRequests: [] });
      counts.tasks += r.tasks;
      counts.entries += r.entries;
      counts.pointsAwarded += r.pointsAwarded;
      for (const i of issues) {
        seen.push(i.number);
        bump(t, i.updatedAt);
      }
      await run.report({ season: season.slug, repo: t.repo, phase: "tasks", done: counts.tasks, total: 0 });
    };
    const ok = await guarded(run, t, async () => {
      await fetchIssues(options.client, t.fetch, storeIssues);
      // Umbrellas and maintainer-marked tasks need not carry the label the searches find tasks by.
      const { issues, missing } = await fetchIssuesByNumber(options.client, await markedIssues(db, season, t.repositoryId, t.repo));
      if (issues.length > 0) await storeIssues(issues);
      for (const m of missing) run.problems.push(`${t.slug} ${m.repo}#${m.number}: an umbrella or marked task GitHub has no issue for`);
    });
    if (ok && options.full) await deactivateMissing(db, season.id, t.repositoryId, seen, counts);
  }
  for (const t of mine) {
    await run.report({ season: season.slug, repo: t.repo, phase: "pull requests", done: counts.pullRequests, total: 0 });
    const ok = !run.failed.has(t) && await guarded(run, t, () => fetchPulls(options.client, t.fetch, async (pullRequests) => {
      const r = await store({ issues: [], pullRequests });
      counts.pullRequests += r.pullRequests;
      counts.entries += r.entries;
      counts.pointsAwarded += r.pointsAwarded;
      for (const p of pullRequests) bump(t, p.updatedAt);
      await run.report({ season: season.slug, repo: t.repo, phase: "pull requests", done: counts.pullRequests, total: 0 });
    }));
    run.progress.step += 1;
    if (!ok) continue;
    counts.repos += 1;
    await moveWatermark(db, season.id, t, highWater.get(t), run.started);
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

/**
 * The repository is fully imported: only now may its watermark move. It moves to what was seen, and at least
 * to shortly before this run started (GitHub's search index lags by a little); never backwards.
 */
async function moveWatermark(db: Db, seasonId: number, t: Target, seenUpTo: string | undefined, started: number): Promise<void> {
  const floor = new Date(started - INDEX_LAG_MS);
  const watermark = seenUpTo && new Date(seenUpTo) > floor ? new Date(seenUpTo) : floor;
  await db
    .insert(syncCursors)
    .values({ seasonId, repositoryId: t.repositoryId, kind: "all", watermark })
    .onConflictDoUpdate({
      target: [syncCursors.seasonId, syncCursors.repositoryId, syncCursors.kind],
      set: { watermark: sql`greatest(${syncCursors.watermark}, excluded.watermark)`, updatedAt: new Date() },
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
    const r = await awardSeason(tx, await seasonForAwards(tx, seasonId), { taskIds: gone.map((g) => g.id), pullRequestIds: [] });
    counts.entries += r.entries;
    counts.pointsAwarded += r.points;
  });
}
