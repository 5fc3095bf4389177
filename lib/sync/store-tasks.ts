import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tasks } from "@/db/schema";
import { isTask, readDifficulty, readMinScore, readScore, resolveTaskScore } from "@/lib/rules/task-fields";
import { taskMarks, umbrellaFor, type PriorMarks } from "@/lib/rules/task-marks";
import type { SeasonForAwards } from "@/lib/scoring/award-season";
import { chunks } from "@/lib/util/chunks";
import type { IngestBatch } from "./types";
import { excluded } from "@/db/excluded";

const ts = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/**
 * Tasks, per season listing the issue's repository: an issue that is marked (label, title prefix, the season
 * file's `umbrellas`) or was a task already (a maintainer may have marked it) is upserted with its difficulty and
 * score read from its labels and body, as `taskMarks` decides them with the umbrella and the maintainer's marks. Returns the task ids
 * touched, per season, and how many task rows were written.
 */
export async function storeTasks(tx: Executor, allSeasons: SeasonForAwards[], batchIssues: IngestBatch["issues"], repoId: (name: string) => number) {
  const touchedTasks = new Map<number, Set<number>>();
  let taskCount = 0;
  for (const season of allSeasons) {
    const issues = batchIssues.filter((i) => season.repos.includes(i.repo.toLowerCase()));
    if (issues.length === 0) continue;
    const existing = await tx
      .select({
        id: tasks.id, repositoryId: tasks.repositoryId, number: tasks.number, manual: tasks.manual, perPr: tasks.perPr, listedUmbrella: tasks.listedUmbrella,
        scoreOverride: tasks.scoreOverride, scoreOverrideReason: tasks.scoreOverrideReason, difficultyOverride: tasks.difficultyOverride,
      })
      .from(tasks)
      .where(and(eq(tasks.seasonId, season.id), inArray(tasks.repositoryId, [...new Set(issues.map((i) => repoId(i.repo)))])));
    const known = new Map(existing.map((t) => [`${t.repositoryId}#${t.number}`, t]));
    const rows = issues
      .map((issue) => taskRow(season, issue, known.get(`${repoId(issue.repo)}#${issue.number}`) ?? null, repoId(issue.repo)))
      .filter((r) => r !== null);
    for (const part of chunks(rows)) {
      const ids = await tx
        .insert(tasks)
        .values(part)
        .onConflictDoUpdate({
          target: [tasks.seasonId, tasks.repositoryId, tasks.number],
          set: {
            ...excluded(tasks, [
              "githubNodeId", "url", "title", "labels", "difficulty", "score", "scoreSource", "statedScore",
              "minScoreRequired", "active", "perPr", "listedUmbrella", "scoreOverride", "scoreOverrideReason", "issueState",
              "githubCreatedAt", "githubUpdatedAt",
            ]),
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: tasks.id });
      const set = touchedTasks.get(season.id) ?? new Set<number>();
      for (const { id } of ids) set.add(id);
      touchedTasks.set(season.id, set);
    }
    taskCount += rows.length;
  }

  return { touchedTasks, taskCount };
}

/** The row of one issue as a task of a season, or null when it is no task (see `taskMarks`). */
function taskRow(season: SeasonForAwards, issue: IngestBatch["issues"][number], prior: PriorMarks | null, repositoryId: number) {
  const umbrella = umbrellaFor(season.options.umbrellas, issue.repo, issue.number);
  const marks = taskMarks({ labelled: isTask(issue, season), umbrella, prior, issueDifficulty: readDifficulty(issue, Object.keys(season.difficulties)) });
  if (!marks) return null;
  const { difficulty } = marks;
  const stated = readScore(issue);
  const { score, source } = resolveTaskScore({ ...issue, difficulty, override: marks.scoreOverride }, season.difficulties);
  return {
    seasonId: season.id,
    repositoryId,
    number: issue.number,
    githubNodeId: issue.nodeId ?? null,
    url: issue.url ?? null,
    title: issue.title,
    labels: issue.labels,
    difficulty,
    score,
    scoreSource: source,
    statedScore: stated?.score ?? null,
    minScoreRequired: readMinScore(issue.body),
    active: marks.active,
    perPr: marks.perPr,
    listedUmbrella: marks.listedUmbrella,
    scoreOverride: marks.scoreOverride,
    scoreOverrideReason: marks.scoreOverrideReason,
    issueState: issue.state.toLowerCase(),
    githubCreatedAt: ts(issue.createdAt),
    githubUpdatedAt: ts(issue.updatedAt),
  };
}
