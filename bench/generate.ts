import type { Fixture, FixtureIssue, FixturePullRequest, FixtureUser } from "@/demo/program/fixture";
import { fixtureToBatch } from "@/demo/program/to-batch";
import { ZSeasonFile, type SeasonFile } from "@/lib/seasons/season-file";
import type { IngestBatch } from "@/lib/sync/types";
import { uniformAt } from "./prng";

/**
 * The benchmark's synthetic challenge program, deterministic from a seed. Every item is a pure function of its index
 * (see `pullAt`), so the same program can be built whole as GitHub-shaped objects (the fake GitHub's fixture, the
 * importer's `GhPullRequest`s) or streamed in chunks straight into the database (`load-db.ts`).
 *
 * Shape:
 * - `repos` repositories `bench/repo-NN`, each with one maintainer (`bench-maint-N`) who merges and may `/reward`;
 * - `seasons` seasons of one calendar year each (2023, 2024, …), listing every repository; season k marks tasks with
 *   its own label (`challenge-<year>`), so an issue is a task of one season;
 * - `pullRequests` merged pull requests by participants, round-robin over the repositories, spread evenly over the
 *   seasons in time. In each season the first `participants` PRs go to every participant once; after that authors
 *   are long-tailed (index ⌊P·u²⌋: a few people author many PRs, as in real programs);
 * - a share `taskShare` of them completes a task issue of its own (`Close #N`); the others are ordinary merged
 *   PRs of the repository (which the importer must still page through);
 * - a share `rewardShare` carries a maintainer's `/reward 50` comment (it replaces the task's award); on half of
 *   them (even numbers) it sits among CI bot comments (`BOT_BURST`), not among the last 100;
 * - one bot-authored merged PR per `botEvery` PRs (never scored), and open tasks nobody took (`openTaskShare`).
 */

export type ScaleName = "tiny" | "small" | "realistic" | "large";

export type ProgramSpec = {
  scale: ScaleName;
  participants: number;
  /** Merged pull requests authored by participants (bots' come on top). */
  pullRequests: number;
  repos: number;
  seasons: number;
  /** Share of the participants' PRs that complete a task issue of their own (scored); the rest are ordinary PRs. */
  taskShare: number;
  /** Share of the participants' PRs with a maintainer's `/reward 50`. */
  rewardShare: number;
  /** One bot PR per this many participants' PRs. */
  botEvery: number;
  /** Open tasks nobody took, as a share of the completed ones. */
  openTaskShare: number;
  seed: number;
};

const BASE: Omit<ProgramSpec, "scale" | "participants" | "pullRequests" | "repos" | "seasons"> = {
  taskShare: 0.1,
  rewardShare: 0.005,
  botEvery: 100,
  openTaskShare: 0.1,
  seed: 0xbe_4c_20_23,
};

export const SCALES: Record<ScaleName, ProgramSpec> = {
  tiny: { ...BASE, scale: "tiny", participants: 20, pullRequests: 200, repos: 2, seasons: 1 },
  small: { ...BASE, scale: "small", participants: 1_000, pullRequests: 10_000, repos: 5, seasons: 1 },
  realistic: { ...BASE, scale: "realistic", participants: 10_000, pullRequests: 100_000, repos: 20, seasons: 1 },
  large: { ...BASE, scale: "large", participants: 100_000, pullRequests: 1_000_000, repos: 50, seasons: 2 },
};

/**
 * The GitHub-shaped program (what the importer meets: most merged PRs are ordinary, a tenth completes a task), or
 * the ledger-shaped one for read benchmarks (`scored: true`: every participant's PR completes a task, so the ledger
 * holds one award per PR, e.g. 1M at large scale).
 */
export function programSpec(scale: ScaleName, options: { scored?: boolean } = {}): ProgramSpec {
  const spec = SCALES[scale];
  return options.scored ? { ...spec, taskShare: 1 } : { ...spec };
}

export type Difficulty = "easy" | "medium" | "hard";
export const DIFFICULTIES: Record<Difficulty, number> = { easy: 100, medium: 300, hard: 1000 };
export const REWARD_POINTS = 50;
export const BOT_LOGIN = "bench-bot[bot]";
export const BOT_DATABASE_ID = 9_999_999;

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

export const repoName = (r: number) => `bench/repo-${String(r).padStart(2, "0")}`;
export const participantLogin = (n: number) => `bench-user-${n}`;
export const participantDatabaseId = (n: number) => 10_000_000 + n;
export const maintainerLogin = (r: number) => `bench-maint-${r}`;
export const maintainerDatabaseId = (r: number) => 9_000_000 + r;
export const seasonSlug = (k: number) => `bench-${2023 + k}`;
export const taskLabel = (k: number) => `challenge-${2023 + k}`;
export const avatarUrl = (databaseId: number) => `https://avatars.githubusercontent.com/u/${databaseId}?v=4`;
export const participantName = (n: number) => (n % 3 === 0 ? null : `Bench User ${n}`);

/** ISO 8601 UTC to the second, as GitHub writes it. */
export const isoSecond = (ms: number) => new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace(/\.\d{3}Z$/, "Z");

export function seasonWindow(k: number): { startsAt: number; endsAt: number } {
  return { startsAt: Date.UTC(2023 + k, 0, 1), endsAt: Date.UTC(2023 + k, 11, 31, 23, 59, 59) };
}

/** The first PR index of season k (PRs are ordered in time). */
export const seasonStartIndex = (spec: ProgramSpec, k: number) => Math.ceil((k * spec.pullRequests) / spec.seasons);

/** The highest PR number a repository's participants' PRs use; bot PRs and open tasks are numbered above it. */
const numberBase = (spec: ProgramSpec) => 2 * Math.ceil(spec.pullRequests / spec.repos);

export type GenTask = { number: number; difficulty: Difficulty; title: string; createdAt: number; closedAt: number | null };

export type GenPull = {
  index: number;
  season: number;
  repo: number;
  number: number;
  /** A participant's index, or -1 for the bot. */
  author: number;
  createdAt: number;
  mergedAt: number;
  updatedAt: number;
  /** The task this PR completes (its own issue), if any. */
  task: GenTask | null;
  reward: { commentId: string; points: number; at: number } | null;
};

function difficultyOf(u: number): Difficulty {
  return u < 0.6 ? "easy" : u < 0.9 ? "medium" : "hard";
}

const MODULES = ["planner", "executor", "storage", "parser", "scheduler", "raft", "coprocessor", "ddl", "backup", "cdc"];
const VERBS = ["Speed up", "Simplify", "Add tests for", "Fix a leak in", "Refactor", "Document"];

/** Participants' pull request `i` (0 ≤ i < pullRequests). */
export function pullAt(spec: ProgramSpec, i: number): GenPull {
  const season = Math.min(spec.seasons - 1, Math.floor((i * spec.seasons) / spec.pullRequests));
  const first = seasonStartIndex(spec, season);
  const count = seasonStartIndex(spec, season + 1) - first;
  const pos = i - first;
  const { startsAt, endsAt } = seasonWindow(season);
  const span = endsAt - startsAt - 2 * DAY;
  const mergedAt = startsAt + DAY + Math.floor(((pos + uniformAt(spec.seed, i, 0)) / count) * span);
  const createdAt = mergedAt - HOUR - Math.floor(uniformAt(spec.seed, i, 5) * 72 * HOUR);
  const author = pos < spec.participants ? pos : Math.floor(spec.participants * uniformAt(spec.seed, i, 2) ** 2);
  const repo = i % spec.repos;
  const k = Math.floor(i / spec.repos);
  const hasTask = uniformAt(spec.seed, i, 1) < spec.taskShare;
  const difficulty = difficultyOf(uniformAt(spec.seed, i, 3));
  const module = MODULES[i % MODULES.length] ?? "core";
  const task: GenTask | null = hasTask
    ? {
        number: 2 * k + 1,
        difficulty,
        title: `${VERBS[k % VERBS.length] ?? "Improve"} the ${module} (task ${k})`,
        createdAt: createdAt - DAY,
        closedAt: mergedAt + SECOND,
      }
    : null;
  const rewarded = uniformAt(spec.seed, i, 4) < spec.rewardShare;
  return {
    index: i,
    season,
    repo,
    number: 2 * k + 2,
    author,
    createdAt,
    mergedAt,
    updatedAt: mergedAt + 60 * SECOND,
    task,
    reward: rewarded ? { commentId: `IC_bench_${i}`, points: REWARD_POINTS, at: mergedAt - 60 * SECOND } : null,
  };
}

export const botPullCount = (spec: ProgramSpec) => Math.floor(spec.pullRequests / spec.botEvery);

/** Bot-authored merged PR `j`: merged right after a participant's PR, in the same repository's numbering above theirs. */
export function botPullAt(spec: ProgramSpec, j: number): GenPull {
  const near = pullAt(spec, Math.min(spec.pullRequests - 1, j * spec.botEvery + Math.floor(spec.botEvery / 2)));
  const repo = j % spec.repos;
  return {
    index: -1 - j,
    season: near.season,
    repo,
    number: numberBase(spec) + 2 * Math.floor(j / spec.repos) + 2,
    author: -1,
    createdAt: near.createdAt,
    mergedAt: near.mergedAt + 30 * SECOND,
    updatedAt: near.updatedAt + 30 * SECOND,
    task: null,
    reward: null,
  };
}

export const openTaskCount = (spec: ProgramSpec) => Math.round(spec.pullRequests * spec.taskShare * spec.openTaskShare);

/** Open task `j` (nobody completed it), with the season it belongs to. */
export function openTaskAt(spec: ProgramSpec, j: number): { season: number; repo: number; task: GenTask } {
  const near = pullAt(spec, Math.min(spec.pullRequests - 1, Math.floor(((j + 0.5) * spec.pullRequests) / Math.max(1, openTaskCount(spec)))));
  const k = Math.floor(j / spec.repos);
  return {
    season: near.season,
    repo: j % spec.repos,
    task: {
      number: numberBase(spec) + 2 * k + 1,
      difficulty: difficultyOf(uniformAt(spec.seed, j, 6)),
      title: `Investigate flaky ${MODULES[j % MODULES.length] ?? "core"} test ${k}`,
      createdAt: near.createdAt,
      closedAt: null,
    },
  };
}

/** The task issue's body: a difficulty section, as maintainers write it (the score comes from the season default). */
export const taskBody = (t: GenTask) => `## Description\n\nSee the title.\n\n## Difficulty\n\n${t.difficulty}\n`;
export const taskLabels = (season: number, t: GenTask) => [taskLabel(season), `difficulty/${t.difficulty}`];
export const pullTitle = (p: GenPull) => `${repoName(p.repo).split("/")[1]}: change ${p.number}`;
export const pullBody = (p: GenPull) => (p.task ? `Close #${p.task.number}` : "Routine change.");

/** The season files (validated, defaults applied), as `podium seasons apply` would read them. */
export function seasonFiles(spec: ProgramSpec): SeasonFile[] {
  const repos = Array.from({ length: spec.repos }, (_, r) => repoName(r));
  return Array.from({ length: spec.seasons }, (_, k) => {
    const { startsAt, endsAt } = seasonWindow(k);
    return ZSeasonFile.parse({
      slug: seasonSlug(k),
      name: `Benchmark season ${2023 + k} (${spec.scale})`,
      startsAt: isoSecond(startsAt),
      endsAt: isoSecond(endsAt),
      timeZone: "UTC",
      repos,
      taskLabels: [taskLabel(k)],
      difficulties: DIFFICULTIES,
      maintainers: Object.fromEntries(repos.map((name, r) => [name, [maintainerLogin(r)]])),
    });
  });
}

export function users(spec: ProgramSpec): FixtureUser[] {
  const out: FixtureUser[] = [];
  for (let n = 0; n < spec.participants; n++) {
    const databaseId = participantDatabaseId(n);
    out.push({ login: participantLogin(n), databaseId, name: participantName(n), avatarUrl: avatarUrl(databaseId), type: "User" });
  }
  for (let r = 0; r < spec.repos; r++) {
    const databaseId = maintainerDatabaseId(r);
    out.push({ login: maintainerLogin(r), databaseId, name: `Maintainer ${r}`, avatarUrl: avatarUrl(databaseId), type: "User" });
  }
  out.push({ login: BOT_LOGIN, databaseId: BOT_DATABASE_ID, name: null, avatarUrl: avatarUrl(BOT_DATABASE_ID), type: "Bot" });
  return out;
}

function fixtureIssue(season: number, repo: number, t: GenTask, author: string): FixtureIssue {
  return {
    repo: repoName(repo),
    number: t.number,
    title: t.title,
    body: taskBody(t),
    labels: taskLabels(season, t),
    state: t.closedAt === null ? "OPEN" : "CLOSED",
    author,
    createdAt: isoSecond(t.createdAt),
    updatedAt: isoSecond(t.closedAt ?? t.createdAt),
    closedAt: t.closedAt === null ? null : isoSecond(t.closedAt),
  };
}

/**
 * CI bot comments around the `/reward` on half the rewarded PRs, as on real PRs: a few before it, a burst of 100
 * after it (more than the last page of comments holds). A reward buried deeper (past the first and last 100)
 * costs one more point per repository (`fetchEarlierComments`).
 */
export const BOT_BURST = { before: 20, after: 100 };

function rewardComments(p: GenPull): FixturePullRequest["comments"] {
  if (!p.reward) return [];
  const { commentId, points, at } = p.reward;
  const reward = { id: commentId, author: maintainerLogin(p.repo), body: `/reward ${points}`, createdAt: isoSecond(at) };
  if (p.number % 2 !== 0) return [reward];
  const bot = (k: number, ms: number) => ({ id: `${commentId}_ci_${k}`, author: BOT_LOGIN, body: `CI run ${k}: all checks passed`, createdAt: isoSecond(ms) });
  const before = Array.from({ length: BOT_BURST.before }, (_, k) => bot(k, at - (BOT_BURST.before - k) * 1000));
  const after = Array.from({ length: BOT_BURST.after }, (_, k) => bot(BOT_BURST.before + k, at + (k + 1) * 1000));
  return [...before, reward, ...after];
}

function fixturePull(p: GenPull): FixturePullRequest {
  return {
    repo: repoName(p.repo),
    number: p.number,
    title: pullTitle(p),
    body: pullBody(p),
    labels: [],
    state: "MERGED",
    author: p.author < 0 ? BOT_LOGIN : participantLogin(p.author),
    createdAt: isoSecond(p.createdAt),
    updatedAt: isoSecond(p.updatedAt),
    mergedAt: isoSecond(p.mergedAt),
    mergedBy: maintainerLogin(p.repo),
    closingIssues: p.task ? [p.task.number] : [],
    comments: rewardComments(p),
  };
}

/** The whole program as the fake GitHub serves it (seasons included, as files). */
export function toFixture(spec: ProgramSpec): Fixture {
  const issues: FixtureIssue[] = [];
  const pullRequests: FixturePullRequest[] = [];
  for (let i = 0; i < spec.pullRequests; i++) {
    const p = pullAt(spec, i);
    if (p.task) issues.push(fixtureIssue(p.season, p.repo, p.task, maintainerLogin(p.repo)));
    pullRequests.push(fixturePull(p));
  }
  for (let j = 0; j < botPullCount(spec); j++) pullRequests.push(fixturePull(botPullAt(spec, j)));
  for (let j = 0; j < openTaskCount(spec); j++) {
    const o = openTaskAt(spec, j);
    issues.push(fixtureIssue(o.season, o.repo, o.task, maintainerLogin(o.repo)));
  }
  return {
    users: users(spec),
    repos: Array.from({ length: spec.repos }, (_, r) => ({ nameWithOwner: repoName(r), databaseId: 700_000 + r, description: `Benchmark repository ${r}` })),
    issues,
    pullRequests,
    seasons: seasonFiles(spec),
    admins: [],
    demoIdentities: [],
  };
}

/** The same objects in the importer's shape, for `ingest()` from a zero-latency source. */
export function toBatch(fixture: Fixture, webBase = "https://github.com"): IngestBatch {
  return fixtureToBatch(fixture, webBase);
}

/** Merged PRs inside some season's window (what a full import must fetch). */
export const mergedPullCount = (spec: ProgramSpec) => spec.pullRequests + botPullCount(spec);
