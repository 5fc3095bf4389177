/**
 * Test factories (after documenso's): one small function per entity, with sensible defaults and overrides,
 * returning the stored row. They write through the product's own write paths — `applySeasons` for seasons,
 * `ingest` for participants, tasks and pull requests (as a sync or a webhook would), commands for what a
 * maintainer does — so a test never holds a row the product could not have written.
 */
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Executor } from "@/db/client";
import {
  participants,
  pullRequests,
  repositories,
  scoreEntries,
  seasonRepositories,
  seasons,
  tasks,
  users,
  type Participant,
  type PullRequest,
  type ScoreEntry,
  type Season,
  type Task,
} from "@/db/schema";
import { transaction } from "@/db/transaction";
import { assignTask } from "@/lib/commands/assign-task";
import { runCommand } from "@/lib/commands/command";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { ZSeasonFile, type SeasonFile } from "@/lib/seasons/season-file";
import { ingest } from "@/lib/sync/ingest";
import type { GhActor, GhComment } from "@/lib/sync/types";
import { upsertParticipants } from "@/lib/sync/upsert-participants";
import { batchOf, ghActor, ghIssue, ghPull, nextUnique } from "./github";

/** What a season file may say (before zod fills in its defaults). */
export type SeasonFileInput = z.input<typeof ZSeasonFile>;

/** A valid season file (parsed by the product's own schema): a spring 2020 season of one repository of its own. */
export function seasonFile(overrides: Partial<SeasonFileInput> = {}): SeasonFile {
  const n = nextUnique();
  return ZSeasonFile.parse({
    slug: `season-${n}`,
    name: `Season ${n}`,
    startsAt: "2020-03-01T00:00:00Z",
    endsAt: "2020-06-01T00:00:00Z",
    repos: [`factory/repo-${n}`],
    taskLabels: ["challenge-program"],
    difficulties: { easy: 100, medium: 300, hard: 1000 },
    ...overrides,
  });
}

/** A season, applied as `podium seasons apply` would apply its file (created, or updated to the file). */
export async function createSeason(db: Executor, overrides: Partial<SeasonFileInput> = {}): Promise<Season> {
  const file = seasonFile(overrides);
  await applySeasons(db, [file]);
  const [row] = await db.select().from(seasons).where(eq(seasons.slug, file.slug));
  return row!;
}

export type ParticipantInput = Partial<Pick<GhActor, "login" | "name" | "avatarUrl" | "isBot">> & { githubId?: number };

/** The GitHub actor of a participant row (what the importer would receive for them). */
export const actorOf = (p: Participant): GhActor => ({ login: p.login, databaseId: p.githubId, name: p.name, avatarUrl: p.avatarUrl, isBot: p.isBot });

/** A participant, as the importer stores a GitHub account it meets (matched by GitHub id). */
export async function createParticipant(db: Executor, overrides: ParticipantInput = {}): Promise<Participant> {
  const { githubId, ...rest } = overrides;
  const actor = ghActor(rest.login ?? `participant-${nextUnique()}`, { ...rest, ...(githubId === undefined ? {} : { databaseId: githubId }) });
  const ids = await transaction(db, (tx) => upsertParticipants(tx, [actor]));
  const [row] = await db.select().from(participants).where(eq(participants.id, ids.get(actor.login.toLowerCase())!));
  return row!;
}

/** A user of the app (the row Auth.js's adapter writes at a first sign-in), linked to a participant if given. */
export async function createUser(db: Executor, overrides: { participant?: Participant; name?: string } = {}) {
  const [row] = await db
    .insert(users)
    .values({ name: overrides.name ?? overrides.participant?.name ?? overrides.participant?.login ?? "someone", image: overrides.participant?.avatarUrl ?? null, participantId: overrides.participant?.id ?? null })
    .returning();
  return row!;
}

async function repoName(db: Executor, repositoryId: number): Promise<string> {
  const [r] = await db.select({ fullName: repositories.fullName }).from(repositories).where(eq(repositories.id, repositoryId));
  return r!.fullName;
}

async function firstRepoOf(db: Executor, season: Season): Promise<string> {
  const [r] = await db
    .select({ fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, season.id))
    .orderBy(asc(seasonRepositories.position))
    .limit(1);
  if (!r) throw new Error(`season ${season.slug} lists no repository`);
  return r.fullName;
}

export type TaskInput = {
  season: Season;
  /** `owner/name`; the season's first repository unless given. */
  repo?: string;
  number?: number;
  title?: string;
  body?: string;
  /** A difficulty of the season (a `difficulty/<name>` label); `null` for none. Default: the season's first. */
  difficulty?: string | null;
  /** A stated score (a `score/<n>` label); without one the season's default for the difficulty applies. */
  score?: number;
  /** More labels, besides the task label and the difficulty and score labels. */
  labels?: string[];
  issueState?: "OPEN" | "CLOSED";
  /** `false`: the issue lost its task label after it was imported (the task is kept, inactive). */
  active?: boolean;
  /** Held by this participant (assigned by the operator, as `podium` or a maintainer would). */
  pickedUpBy?: Participant;
};

/** A task: an issue of a listed repository carrying the season's task label (or title prefix), imported. */
export async function createTask(db: Executor, input: TaskInput): Promise<Task> {
  const { season } = input;
  const repo = input.repo ?? (await firstRepoOf(db, season));
  const number = input.number ?? nextUnique();
  const difficulty = input.difficulty === undefined ? Object.keys(season.difficulties)[0] : input.difficulty;
  const label = season.taskLabels[0];
  const prefix = season.taskTitlePrefixes[0];
  if (label === undefined && prefix === undefined) throw new Error(`season ${season.slug} has no task label or title prefix`);
  const title = input.title ?? `Task ${number}`;
  const issue = ghIssue({
    repo,
    number,
    title: label === undefined ? `${prefix} ${title}` : title,
    body: input.body ?? "",
    labels: [...(label === undefined ? [] : [label]), ...(difficulty ? [`difficulty/${difficulty}`] : []), ...(input.score === undefined ? [] : [`score/${input.score}`]), ...(input.labels ?? [])],
    state: input.issueState ?? "OPEN",
    updatedAt: new Date(Date.now() - 1000).toISOString(),
  });
  await ingest(db, batchOf({ issues: [issue] }), { seasonSlugs: [season.slug] });
  if (input.active === false) {
    const unmarked = { ...issue, title, labels: issue.labels.filter((l) => l !== label), updatedAt: new Date().toISOString() };
    await ingest(db, batchOf({ issues: [unmarked] }), { seasonSlugs: [season.slug] });
  }
  const [{ id }] = (await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(eq(tasks.seasonId, season.id), eq(repositories.fullName, repo.toLowerCase()), eq(tasks.number, number)))) as [{ id: number }];
  // The operator is every right; runCommand opens its own transaction (a savepoint inside a caller's).
  if (input.pickedUpBy) await runCommand(db as Db, assignTask, "operator", { taskId: id, login: input.pickedUpBy.login });
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row!;
}

export type PullRequestInput = {
  repo?: string;
  number?: number;
  title?: string;
  body?: string;
  /** A participant row, or a login (a new GitHub account); `null` for a deleted account. */
  author: Participant | string | null;
  /** Merged then (ISO); open when left out or null. */
  mergedAt?: string | null;
  mergedBy?: string | null;
  /** The tasks it closes (GitHub's closing references, and `Closes owner/name#n` in the body). */
  closes?: Task | Task[];
  comments?: GhComment[];
};

/** A pull request, imported as a sync would: linked to the tasks it closes, awarded, totals refreshed. */
export async function createPullRequest(db: Executor, input: PullRequestInput): Promise<PullRequest> {
  const closes = input.closes === undefined ? [] : Array.isArray(input.closes) ? input.closes : [input.closes];
  const closingIssues = await Promise.all(closes.map(async (t) => ({ repo: await repoName(db, t.repositoryId), number: t.number })));
  const repo = input.repo ?? closingIssues[0]?.repo;
  if (!repo) throw new Error("createPullRequest needs a repo (or a task it closes)");
  const author = input.author === null ? null : typeof input.author === "string" ? ghActor(input.author) : actorOf(input.author);
  const pull = ghPull({
    repo,
    closingIssues,
    author,
    ...(input.number === undefined ? {} : { number: input.number }),
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.mergedAt ? { mergedAt: input.mergedAt, mergedBy: input.mergedBy ?? null } : {}),
    comments: input.comments ?? [],
  });
  await ingest(db, batchOf({ pullRequests: [pull] }));
  const [row] = await db
    .select({ pr: pullRequests })
    .from(pullRequests)
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .where(and(eq(repositories.fullName, repo.toLowerCase()), eq(pullRequests.number, pull.number)));
  return row!.pr;
}

export type LedgerEntryInput = {
  season: Pick<Season, "id">;
  participant: Pick<Participant, "id">;
  /** Default 100. */
  points?: number;
  /** Default: `award` for positive points, else `adjustment` (as a maintainer's points are booked). */
  kind?: ScoreEntry["kind"];
  reason?: string;
  /** The task it is for (its difficulty and repository follow). */
  task?: Task;
  pullRequest?: PullRequest;
  occurredAt?: Date;
  sourceKey?: string;
  actorId?: number | null;
};

/**
 * Ledger entries (the points a maintainer books, or an import awards), with the season totals refreshed in
 * the same transaction, as every write of the ledger does. Many at once: one insert, one refresh per season.
 */
export async function createLedgerEntries(db: Executor, list: LedgerEntryInput[]): Promise<ScoreEntry[]> {
  if (list.length === 0) return [];
  return transaction(db, async (tx) => {
    const rows = await tx
      .insert(scoreEntries)
      .values(
        list.map((e) => {
          const points = e.points ?? 100;
          return {
            seasonId: e.season.id,
            participantId: e.participant.id,
            taskId: e.task?.id ?? null,
            pullRequestId: e.pullRequest?.id ?? null,
            repositoryId: e.task?.repositoryId ?? e.pullRequest?.repositoryId ?? null,
            difficulty: e.task?.difficulty ?? null,
            points,
            kind: e.kind ?? (points > 0 ? "award" : "adjustment"),
            actorId: e.actorId ?? null,
            reason: e.reason ?? "booked by a test factory",
            occurredAt: e.occurredAt ?? new Date(),
            sourceKey: e.sourceKey ?? `factory:${nextUnique()}:${Date.now()}`,
          };
        }),
      )
      .returning();
    for (const seasonId of new Set(list.map((e) => e.season.id))) {
      await refreshTotals(tx, seasonId, [...new Set(list.filter((e) => e.season.id === seasonId).map((e) => e.participant.id))]);
    }
    return rows;
  });
}

export async function createLedgerEntry(db: Executor, input: LedgerEntryInput): Promise<ScoreEntry> {
  return (await createLedgerEntries(db, [input]))[0]!;
}
