import crypto from "node:crypto";
import { words } from "@/lib/i18n/words";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { repositories, scoreEntries } from "@/db/schema";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { defineCommand } from "./command";
import { ZReason, zId } from "./fields";
import { audit, refuseIfFinal } from "./load";

export const ZRevokeEntry = z.object({
  entryId: zId("a ledger entry"),
  reason: ZReason,
});

/**
 * Revokes a ledger entry by appending its opposite (the entry itself stays, as the ledger is append-only), owned as
 * the entry was; the scorer's season is then re-derived, as later decisions may read the points it took away.
 */
export const revokeEntry = defineCommand({
  name: "points.revoke",
  input: ZRevokeEntry,
  permission: "points.award",
  async run({ tx, actor, actorId, authorize }, input) {
    const [row] = await tx
      .select({ entry: scoreEntries, repo: repositories.fullName })
      .from(scoreEntries)
      .leftJoin(repositories, eq(repositories.id, scoreEntries.repositoryId))
      .where(eq(scoreEntries.id, input.entryId))
      .for("update", { of: scoreEntries });
    if (!row) throw new NotFoundError("ledger entry");
    // An entry of no repository (a season-wide adjustment) is the admins' (and the operator's) to revoke.
    authorize("points.award", row.repo ? { repo: row.repo } : {});
    if (!row.repo && typeof actor === "object" && !actor.isAdmin) throw new ForbiddenError("points.award");
    const { entry } = row;
    await refuseIfFinal(tx, entry.seasonId);
    if (entry.kind === "revocation") throw new RuleError("A revocation cannot itself be revoked; award the points again instead.", words("errors.revokeRevocation"));
    const [already] = await tx.select({ id: scoreEntries.id }).from(scoreEntries).where(eq(scoreEntries.revokesEntryId, entry.id));
    if (already) throw new RuleError("This entry was already revoked.", words("errors.alreadyRevoked"));
    const [revocation] = await tx
      .insert(scoreEntries)
      .values({
        seasonId: entry.seasonId,
        participantId: entry.participantId,
        teamId: entry.teamId,
        taskId: entry.taskId,
        pullRequestId: entry.pullRequestId,
        repositoryId: entry.repositoryId,
        difficulty: entry.difficulty,
        points: -entry.points,
        kind: "revocation",
        actorId: actorId,
        reason: input.reason,
        occurredAt: new Date(),
        sourceKey: `manual:${crypto.randomUUID()}`,
        revokesEntryId: entry.id,
      })
      .returning({ id: scoreEntries.id });
    await audit(tx, {
      seasonId: entry.seasonId,
      taskId: entry.taskId,
      pullRequestId: entry.pullRequestId,
      actorId: actorId,
      action: "points.revoke",
      before: { entry: entry.id, points: entry.points },
      after: { entry: revocation!.id, points: -entry.points },
      reason: input.reason,
    });
    // What came after depends on what the scorer had: replay their season (and their team's) from the ledger.
    await awardSeason(tx, await seasonForAwards(tx, entry.seasonId), { taskIds: [], pullRequestIds: [], participantIds: [entry.participantId] });
    await refreshTotals(tx, entry.seasonId, [entry.participantId]);
    return { entryId: revocation!.id };
  },
});
