import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { appeals, pullRequests, pullRequestTasks, repositories, seasons, tasks } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { awardPoints } from "./award-points";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit } from "./load";
import { refusals } from "./refusals";

export const ZAnswerAppeal = z
  .object({
    appealId: zId("an appeal"),
    decision: z.enum(["accept", "decline"], { error: "expected accept or decline" }),
    points: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number({ error: "expected a whole number of points" }).int({ error: "expected a whole number of points" }).positive({ error: "expected a positive number of points" }).max(1_000_000, { error: "expected at most 1000000" }).optional(),
    ),
    reason: ZReason,
  })
  .superRefine((v, ctx) => {
    if (v.decision === "accept" && v.points === undefined) ctx.addIssue({ code: "custom", path: ["points"], message: "say how many points the pull request earns" });
  });

/**
 * A maintainer of the task's repository (the pull request's, when it completes no task) answers an appeal:
 * accepting books the points in the ledger (a maintainer's award, with the reason); declining records the
 * reason the participant reads. Either way the appeal is closed and audited.
 */
export const answerAppeal = defineCommand({
  name: "appeal.answer",
  input: ZAnswerAppeal,
  permission: "points.award",
  async run(ctx, input) {
    const { tx, actorId, authorize } = ctx;
    const [row] = await tx
      .select({ appeal: appeals, slug: seasons.slug, prRepo: repositories.fullName, prNumber: pullRequests.number })
      .from(appeals)
      .innerJoin(seasons, eq(seasons.id, appeals.seasonId))
      .innerJoin(pullRequests, eq(pullRequests.id, appeals.pullRequestId))
      .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
      .where(eq(appeals.id, input.appealId))
      .for("update", { of: appeals });
    if (!row) throw new NotFoundError("appeal");
    const [task] = await tx
      .select({ repo: repositories.fullName })
      .from(pullRequestTasks)
      .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .where(and(eq(pullRequestTasks.pullRequestId, row.appeal.pullRequestId), eq(tasks.seasonId, row.appeal.seasonId)))
      .limit(1);
    authorize("points.award", { repo: task?.repo ?? row.prRepo });
    if (row.appeal.status !== "open") throw refusals.appealAnswered(row.appeal.status);
    const pr = `${row.prRepo}#${row.prNumber}`;
    if (input.decision === "accept") {
      await awardPoints.run(ctx, { season: row.slug, pullRequestId: row.appeal.pullRequestId, points: input.points!, reason: `appeal on ${pr} accepted: ${input.reason}` });
    }
    const status = input.decision === "accept" ? "accepted" : "declined";
    await tx
      .update(appeals)
      .set({ status, answer: input.reason, answeredById: actorId, answeredAt: new Date(), points: input.decision === "accept" ? input.points! : null })
      .where(eq(appeals.id, row.appeal.id));
    await audit(tx, { seasonId: row.appeal.seasonId, pullRequestId: row.appeal.pullRequestId, actorId, action: `appeal.${input.decision}`, after: { appeal: row.appeal.id, pr, points: input.points ?? null }, reason: input.reason });
    return { status };
  },
});
