import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { repositories, seasonRepositories, seasons, syncCursors, type SyncCounts, type SyncProgress } from "@/db/schema";
import type { BotCommentsMode } from "@/lib/bot/post";
import { PodiumError } from "@/lib/errors";
import type { GitHubClient } from "@/lib/github/client";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import type { RepoFetch } from "./fetch";
import { importSeasons } from "./import-seasons";
import { hasUnstoredUmbrellas } from "./umbrellas";
import { probeQuery } from "./queries";
import { beginRun, emptyCounts, endRun, heartbeat, holdLease, SyncLeaseLostError, type LeaseTimes } from "./run-lock";
import { errorText } from "@/lib/security/redact";
import { chunks } from "@/lib/util/chunks";

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
  /**
   * How many repositories are fetched at once (default `SYNC_CONCURRENCY`, 4); the writes keep their order
   * whatever it is. 1 is the one-query-after-another import (the bench compares the two).
   */
  concurrency?: number;
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

export class UnknownSeasonError extends PodiumError {
  constructor(readonly slug: string) {
    super("NOT_FOUND", `unknown season: ${slug}`);
  }
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A (season, repository) to import; a companion repository's (`companionRepos`) only pull requests, it holds no tasks. */
export type Target = { seasonId: number; slug: string; repositoryId: number; repo: string; companion: boolean; fetch: RepoFetch };
export type SeasonRow = typeof seasons.$inferSelect;

/** What one run carries through its steps: its counts, where it is, and the repositories that failed. */
export type Run = {
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
    await importSeasons(run, seasonRows.map((season) => ({ season, targets: targets.filter((t) => t.seasonId === season.id && !unchanged.has(t)) })));
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
