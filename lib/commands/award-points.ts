import crypto from "node:crypto";
import { words } from "@/lib/i18n/words";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { participants, pullRequests, pullRequestTasks, repositories, scoreEntries, seasonRepositories, seasons, tasks } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { teamAt } from "@/lib/scoring/scorer-standing";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, refuseIfFinal } from "./load";
import { refusals } from "./refusals";

export const ZAwardPoints = z.object({
  season: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a season" }),
  pullRequestId: zId("a pull request"),
  points: z.coerce
    .number({ error: "expected a whole number of points" })
    .int({ error: "expected a whole number of points" })
    .min(-1_000_000, { error: "expected at least -1000000" })
    .max(1_000_000, { error: "expected at most 1000000" })
    .refine((n) => n !== 0, { error: "expected a non-zero number of points" }),
  reason: ZReason,
});

/**
 * A maintainer's points on a pull request, to its author: partial (less than the task), split (several
 * PRs of one task each get a part), extra, or a deduction. One ledger entry, owned like the engine's (the author's
 * team when they are in one now), under the task's repository mapped through `countAs`, with the task's difficulty;
 * then the author's season is replayed (a gate or stop may now read differently) and totals follow.
 */
export const awardPoints = defineCommand({
  name: "points.award",
  input: ZAwardPoints,
  permission: "points.award",
  async run({ tx, actorId, authorize }, input) {
    const [row] = await tx
      .select({ pr: pullRequests, repo: repositories.fullName, authorIsBot: participants.isBot })
      .from(pullRequests)
      .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
      .leftJoin(participants, eq(participants.id, pullRequests.authorId))
      .where(eq(pullRequests.id, input.pullRequestId));
    if (!row) throw new NotFoundError("pull request");
    authorize("points.award", { repo: row.repo });
    const [season] = await tx
      .select({ id: seasons.id, options: seasons.options })
      .from(seasons)
      .innerJoin(seasonRepositories, and(eq(seasonRepositories.seasonId, seasons.id), eq(seasonRepositories.repositoryId, row.pr.repositoryId)))
      .where(eq(seasons.slug, input.season));
    if (!season) throw refusals.repoNotInSeason(row.repo, input.season);
    await refuseIfFinal(tx, season.id);
    if (row.pr.authorId === null || row.authorIsBot) throw new RuleError("This pull request's author cannot earn points (a bot or a deleted account).", words("errors.botAuthor"));
    const [task] = await tx
      .select({ id: tasks.id, difficulty: tasks.difficulty, repositoryId: tasks.repositoryId, repo: repositories.fullName })
      .from(pullRequestTasks)
      .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .where(and(eq(pullRequestTasks.pullRequestId, row.pr.id), eq(tasks.seasonId, season.id)))
      .limit(1);
    const occurredAt = new Date();
    const repositoryId = await countedRepository(tx, season.options?.countAs ?? {}, task ?? { repositoryId: row.pr.repositoryId, repo: row.repo });
    const [entry] = await tx
      .insert(scoreEntries)
      .values({
        seasonId: season.id,
        participantId: row.pr.authorId,
        teamId: await teamAt(tx, season.id, row.pr.authorId, occurredAt),
        taskId: task?.id ?? null,
        pullRequestId: row.pr.id,
        repositoryId,
        difficulty: task?.difficulty ?? null,
        points: input.points,
        kind: input.points > 0 ? "award" : "adjustment",
        actorId: actorId,
        reason: input.reason,
        occurredAt,
        sourceKey: `manual:${crypto.randomUUID()}`,
      })
      .returning({ id: scoreEntries.id });
    await audit(tx, {
      seasonId: season.id,
      taskId: task?.id ?? null,
      pullRequestId: row.pr.id,
      actorId: actorId,
      action: input.points > 0 ? "points.award" : "points.deduct",
      after: { points: input.points, entry: entry!.id, pr: `${row.repo}#${row.pr.number}` },
      reason: input.reason,
    });
    await awardSeason(tx, await seasonForAwards(tx, season.id), { taskIds: [], pullRequestIds: [], participantIds: [row.pr.authorId] });
    await refreshTotals(tx, season.id, [row.pr.authorId]);
    return { entryId: entry!.id };
  },
});

/** The repository points count under: the task's (or the PR's), mapped through the season's `countAs`. */
export async function countedRepository(tx: Executor, countAs: Record<string, string>, from: { repositoryId: number; repo: string }): Promise<number> {
  const target = Object.entries(countAs).find(([k]) => k.toLowerCase() === from.repo.toLowerCase())?.[1];
  if (target === undefined) return from.repositoryId;
  const [row] = await tx.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, target.toLowerCase()));
  return row?.id ?? from.repositoryId;
}
