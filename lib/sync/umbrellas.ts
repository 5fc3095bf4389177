import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, tasks, type Season } from "@/db/schema";
import { isTask } from "@/lib/rules/task-fields";
import { taskMarks, umbrellaFor } from "@/lib/rules/task-marks";
import type { IssueRef } from "./fetch-by-number";

/**
 * After a season file changed its `umbrellas`: the stored tasks it lists become per-PR umbrellas with the file's
 * points and difficulty, and those it no longer lists are un-marked (inactive unless labelled or marked by a
 * maintainer), as the importer would decide (`taskMarks`). Listed issues not stored yet become tasks at the next
 * sync, which fetches them by number. Returns the ids of the tasks changed (their awards are to be re-derived).
 */
export async function reconcileUmbrellas(tx: Executor, season: Season): Promise<number[]> {
  const listed = season.options.umbrellas.map((u) => u.issue.toLowerCase());
  const rows = await tx
    .select({ task: tasks, repo: repositories.fullName })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(
      and(
        eq(tasks.seasonId, season.id),
        or(eq(tasks.listedUmbrella, true), listed.length ? sql`(${repositories.fullName} || '#' || ${tasks.number}) in (${sql.join(listed.map((l) => sql`${l}`), sql`, `)})` : sql`false`),
      ),
    );
  const changed: number[] = [];
  for (const { task, repo } of rows) {
    const marks = taskMarks({
      labelled: isTask(task, season),
      umbrella: umbrellaFor(season.options.umbrellas, repo, task.number),
      prior: task,
      issueDifficulty: task.difficulty,
    })!;
    const score = storedScore(task, marks.scoreOverride, marks.difficulty, season.difficulties);
    const next = { ...marks, ...score };
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === task[k])) continue;
    await tx.update(tasks).set({ ...next, updatedAt: new Date() }).where(eq(tasks.id, task.id));
    changed.push(task.id);
  }
  return changed;
}

/** A stored task's score without its body: the override, what the issue stated, the difficulty's default, or none. */
export function storedScore(task: typeof tasks.$inferSelect, override: number | null, difficulty: string | null, defaults: Record<string, number>) {
  if (override !== null) return { score: override, scoreSource: "override" as const };
  if (task.statedScore !== null) return { score: task.statedScore, scoreSource: task.scoreSource === "label" ? ("label" as const) : ("body" as const) };
  if (difficulty !== null && Object.hasOwn(defaults, difficulty)) return { score: defaults[difficulty] ?? null, scoreSource: "default" as const };
  return { score: null, scoreSource: "none" as const };
}

/** The numbers of a repository's issues the season file lists as umbrellas. */
function listedNumbers(season: Season, repo: string): number[] {
  return season.options.umbrellas
    .map((u) => /^(.+)#(\d+)$/.exec(u.issue.toLowerCase()))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === repo.toLowerCase())
    .map((m) => Number(m[2]));
}

/** The issues of a repository the season file lists as umbrellas, and those a maintainer marked as tasks, by number. */
export async function markedIssues(db: Executor, season: Season, repositoryId: number, repo: string): Promise<IssueRef[]> {
  const listed = listedNumbers(season, repo);
  const manual = await db
    .select({ number: tasks.number })
    .from(tasks)
    .where(and(eq(tasks.seasonId, season.id), eq(tasks.repositoryId, repositoryId), eq(tasks.manual, true)));
  return [...new Set([...listed, ...manual.map((m) => m.number)])].sort((a, b) => a - b).map((number) => ({ repo, number }));
}

/** Whether the season file lists umbrellas of this repository that are not stored as tasks yet (the sync must not skip it). */
export async function hasUnstoredUmbrellas(db: Executor, season: Season, repositoryId: number, repo: string): Promise<boolean> {
  const listed = listedNumbers(season, repo);
  if (listed.length === 0) return false;
  const stored = await db
    .select({ number: tasks.number })
    .from(tasks)
    .where(and(eq(tasks.seasonId, season.id), eq(tasks.repositoryId, repositoryId), inArray(tasks.number, listed)));
  return stored.length < listed.length;
}
