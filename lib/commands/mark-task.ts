import { and, eq } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { seasons, tasks } from "@/db/schema";
import { InvalidInputError, NotFoundError, RuleError } from "@/lib/errors";
import { isTask } from "@/lib/rules/task-fields";
import { awardSeason, seasonForAwards, type SeasonForAwards } from "@/lib/scoring/award-season";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import { ZDifficultyName, ZRepoName, ZSlug } from "@/lib/seasons/season-file";
import { linkNewTasks } from "@/lib/sync/link-pulls";
import { storeTasks } from "@/lib/sync/store-tasks";
import { storedScore } from "@/lib/sync/umbrellas";
import type { GhIssue } from "@/lib/sync/types";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, taskForChange } from "./load";
import { refusals } from "./refusals";

const blank = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : v);

/** The issue as GitHub gave it (`lib/sync/issue-lookup.ts`), when Podium has not stored it yet. */
const ZIssue = z.object({
  repo: z.string(),
  number: z.number().int().positive(),
  nodeId: z.string().nullish(),
  url: z.string().nullish(),
  title: z.string().max(1000),
  body: z.string().max(300_000),
  labels: z.array(z.string().max(100)).max(200),
  /** Not stored for a task: dropped. */
  author: z.unknown().transform(() => null),
  state: z.enum(["OPEN", "CLOSED"]),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZMarkTask = z.object({
  season: ZSlug,
  repo: ZRepoName,
  number: z.coerce.number({ error: "expected an issue number" }).int({ error: "expected an issue number" }).positive({ error: "expected an issue number" }).max(10_000_000_000, { error: "expected an issue number" }),
  kind: z.enum(["task", "umbrella"], { error: "expected task or umbrella" }),
  /** Empty: the issue's own score (or the difficulty's default); for an umbrella, what each merged PR earns. */
  points: z.preprocess(blank, z.coerce.number({ error: "expected a whole number of points" }).int({ error: "expected a whole number of points" }).min(0, { error: "expected 0 or more points" }).max(1_000_000, { error: "expected at most 1000000" }).optional()),
  difficulty: z.preprocess(blank, ZDifficultyName.optional()),
  reason: ZReason,
  issue: ZIssue.optional(),
});

/** The season, and the repository checked to be one of its listed ones (only those hold tasks). */
async function listedRepo(tx: Tx, slug: string, repo: string): Promise<{ season: SeasonForAwards; repositoryId: number }> {
  const [row] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  if (!row) throw new NotFoundError(`season ${slug}`);
  const season = await seasonForAwards(tx, row.id);
  if (!season.repos.includes(repo.toLowerCase())) throw refusals.notListedRepo(repo, slug);
  const ids = await ensureRepositories(tx, [repo]);
  return { season, repositoryId: ids.get(repo.toLowerCase())! };
}

/**
 * A maintainer marks an issue of a listed repository as a task (or an umbrella: its points for each merged PR
 * that references it), with optional points and difficulty: it stays a task without the label, until unmarked.
 * An issue Podium has not stored is taken from `issue` (the action fetches it from GitHub first).
 */
export const markTask = defineCommand({
  name: "task.mark",
  input: ZMarkTask,
  permission: "task.mark",
  async run({ tx, actorId, authorize }, input) {
    const { season, repositoryId } = await listedRepo(tx, input.season, input.repo);
    authorize("task.mark", { repo: input.repo });
    if (input.difficulty !== undefined && !Object.hasOwn(season.difficulties, input.difficulty)) {
      throw new InvalidInputError("Some fields are not valid.", { difficulty: `not a difficulty of ${season.slug}: ${Object.keys(season.difficulties).join(", ")}` });
    }
    const where = and(eq(tasks.seasonId, season.id), eq(tasks.repositoryId, repositoryId), eq(tasks.number, input.number));
    const [prior] = await tx.select().from(tasks).where(where).for("update");
    if (!prior && !input.issue) throw new NotFoundError(`issue ${input.repo}#${input.number}`);
    const marks = {
      manual: true,
      active: true,
      perPr: input.kind === "umbrella" || (prior?.listedUmbrella ?? false),
      difficultyOverride: input.difficulty ?? prior?.difficultyOverride ?? null,
      ...(input.points !== undefined ? { scoreOverride: input.points, scoreOverrideReason: input.reason } : {}),
      ...(input.difficulty !== undefined ? { difficulty: input.difficulty } : {}),
    };
    const score = prior ? storedScore(prior, input.points ?? prior.scoreOverride, input.difficulty ?? prior.difficulty, season.difficulties) : {};
    let taskId: number;
    if (prior) {
      await tx.update(tasks).set({ ...marks, ...score, updatedAt: new Date() }).where(eq(tasks.id, prior.id));
      taskId = prior.id;
    } else {
      const issue = { ...input.issue!, repo: input.repo, number: input.number } as GhIssue;
      const [row] = await tx.insert(tasks).values({ seasonId: season.id, repositoryId, number: input.number, title: issue.title, ...marks }).returning({ id: tasks.id });
      taskId = row!.id;
      // Fields from the issue (labels, difficulty, score, state), as the importer reads them, with the marks.
      await storeTasks(tx, [season], [issue], () => repositoryId);
    }
    // Pull requests that referenced the issue before it was a task: linked now.
    await linkNewTasks(tx, [taskId]);
    const after = { manual: true, perPr: marks.perPr, points: input.points ?? null, difficulty: input.difficulty ?? null };
    await audit(tx, { seasonId: season.id, taskId, actorId, action: "task.mark", before: prior ? { manual: prior.manual, perPr: prior.perPr, active: prior.active } : null, after, reason: input.reason });
    const result = await awardSeason(tx, season, { taskIds: [taskId], pullRequestIds: [] });
    return { taskId, ...result };
  },
});

export const ZUnmarkTask = z.object({ taskId: zId("a task"), reason: ZReason });

/**
 * Takes a maintainer's mark back: the task is a task again only by its label (or title prefix) or the season
 * file's umbrellas; per-PR only when the file lists it. A score override stays (`task.set-score` clears it).
 */
export const unmarkTask = defineCommand({
  name: "task.unmark",
  input: ZUnmarkTask,
  permission: "task.mark",
  async run({ tx, actor, actorId }, input) {
    const { task } = await taskForChange(tx, actor, input.taskId, "task.mark");
    if (!task.manual) throw new RuleError("This task was not marked by a maintainer: it is a task by its label or the season file.", words("errors.notMarked"));
    const season = await seasonForAwards(tx, task.seasonId);
    const next = { manual: false, difficultyOverride: null, perPr: task.listedUmbrella, active: task.listedUmbrella || isTask(task, season) };
    await tx.update(tasks).set({ ...next, updatedAt: new Date() }).where(eq(tasks.id, task.id));
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId, action: "task.unmark", before: { manual: true, perPr: task.perPr, active: task.active }, after: next, reason: input.reason });
    return awardSeason(tx, season, { taskIds: [task.id], pullRequestIds: [] });
  },
});
