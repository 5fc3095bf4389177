import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { participants, pullRequests, pullRequestTasks, repositories, scoreEntries, seasonRepositories, seasons, tasks } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, refuseIfFinal } from "./load";

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
 * PRs of one task each get a part), extra, or a deduction. One ledger entry; totals follow.
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
      .select({ id: seasons.id })
      .from(seasons)
      .innerJoin(seasonRepositories, and(eq(seasonRepositories.seasonId, seasons.id), eq(seasonRepositories.repositoryId, row.pr.repositoryId)))
      .where(eq(seasons.slug, input.season));
    if (!season) throw new RuleError(`${row.repo} is not listed in season ${input.season}.`);
    await refuseIfFinal(tx, season.id);
    if (row.pr.authorId === null || row.authorIsBot) throw new RuleError("This pull request's author cannot earn points (a bot or a deleted account).");
    const [task] = await tx
      .select({ id: tasks.id, difficulty: tasks.difficulty })
      .from(pullRequestTasks)
      .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
      .where(and(eq(pullRequestTasks.pullRequestId, row.pr.id), eq(tasks.seasonId, season.id)))
      .limit(1);
    const [entry] = await tx
      .insert(scoreEntries)
      .values({
        seasonId: season.id,
        participantId: row.pr.authorId,
        taskId: task?.id ?? null,
        pullRequestId: row.pr.id,
        repositoryId: row.pr.repositoryId,
        difficulty: task?.difficulty ?? null,
        points: input.points,
        kind: input.points > 0 ? "award" : "adjustment",
        actorId: actorId,
        reason: input.reason,
        occurredAt: new Date(),
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
    await refreshTotals(tx, season.id, [row.pr.authorId]);
    return { entryId: entry!.id };
  },
});
