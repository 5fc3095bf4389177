import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { tasks } from "@/db/schema";
import { isTask, readDifficulty, readMinScore, readScore, resolveTaskScore } from "@/lib/rules/task-fields";
import type { SeasonForAwards } from "@/lib/scoring/award-season";
import { chunks } from "@/lib/util/chunks";
import type { IngestBatch } from "./types";
import { excluded } from "@/db/excluded";

const ts = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/**
 * Tasks, per season listing the issue's repository: an issue that is marked (label, title prefix) or was a task
 * already is upserted with its difficulty and score read from its labels and body. Returns the task ids
 * touched, per season, and how many task rows were written.
 */
export async function storeTasks(tx: Executor, allSeasons: SeasonForAwards[], batchIssues: IngestBatch["issues"], repoId: (name: string) => number) {
  const touchedTasks = new Map<number, Set<number>>();
  let taskCount = 0;
  for (const season of allSeasons) {
    const issues = batchIssues.filter((i) => season.repos.includes(i.repo.toLowerCase()));
    if (issues.length === 0) continue;
    const existing = await tx
      .select({ id: tasks.id, repositoryId: tasks.repositoryId, number: tasks.number, scoreOverride: tasks.scoreOverride, manual: tasks.manual })
      .from(tasks)
      .where(and(eq(tasks.seasonId, season.id), inArray(tasks.repositoryId, [...new Set(issues.map((i) => repoId(i.repo)))])));
    const known = new Map(existing.map((t) => [`${t.repositoryId}#${t.number}`, t]));
    const difficulties = Object.keys(season.difficulties);
    const rows = issues
      .map((issue) => {
        const prior = known.get(`${repoId(issue.repo)}#${issue.number}`);
        const marked = isTask(issue, season);
        if (!marked && !prior) return null;
        const difficulty = readDifficulty(issue, difficulties);
        const stated = readScore(issue);
        const { score, source } = resolveTaskScore({ ...issue, difficulty, override: prior?.scoreOverride }, season.difficulties);
        return {
          seasonId: season.id,
          repositoryId: repoId(issue.repo),
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
          active: marked || (prior?.manual ?? false),
          issueState: issue.state.toLowerCase(),
          githubCreatedAt: ts(issue.createdAt),
          githubUpdatedAt: ts(issue.updatedAt),
        };
      })
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
              "minScoreRequired", "active", "issueState", "githubCreatedAt", "githubUpdatedAt",
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
