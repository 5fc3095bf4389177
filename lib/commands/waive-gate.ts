import { eq, sql } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import { z } from "zod";
import { gateWaivers, participants } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { ZLogin } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, taskForChange } from "./load";

export const ZWaiveGate = z.object({
  taskId: zId("a task"),
  login: ZLogin,
  reason: ZReason,
});

/**
 * A maintainer of the task's repository waives the gates for one participant on this task (contract: "maintainers
 * may also waive a gate for one participant, with a reason"): they may pick it up, and a PR of theirs completing it
 * earns it. Stops are not waived (a maintainer awards points instead). Audited; the participant's season is
 * re-derived, so a PR already merged earns now. The permission is the assignment's: deciding who may take a task.
 */
export const waiveGate = defineCommand({
  name: "task.waive-gate",
  input: ZWaiveGate,
  permission: "task.assign",
  async run({ tx, actor, actorId }, input) {
    const { task, repo } = await taskForChange(tx, actor, input.taskId, "task.assign");
    const [who] = await tx.select({ id: participants.id, login: participants.login }).from(participants).where(eq(sql`lower(${participants.login})`, input.login.toLowerCase()));
    if (!who) throw new RuleError(`No participant ${input.login} yet: they appear once they sign in or author a pull request.`, words("errors.noParticipant", { login: input.login }));
    const [existing] = await tx
      .select({ reason: gateWaivers.reason })
      .from(gateWaivers)
      .where(sql`${gateWaivers.taskId} = ${task.id} and ${gateWaivers.participantId} = ${who.id}`);
    if (existing) throw new RuleError(`${who.login} already has a waiver on this task (${existing.reason}).`, words("errors.alreadyWaived", { login: who.login, reason: existing.reason }));
    await tx.insert(gateWaivers).values({ taskId: task.id, participantId: who.id, reason: input.reason, actorId });
    await audit(tx, { seasonId: task.seasonId, taskId: task.id, actorId, action: "task.waive_gate", after: { participant: who.login, task: `${repo}#${task.number}` }, reason: input.reason });
    const result = await awardSeason(tx, await seasonForAwards(tx, task.seasonId), { taskIds: [task.id], pullRequestIds: [], participantIds: [who.id] });
    return { participant: who.login, entries: result.entries };
  },
});
