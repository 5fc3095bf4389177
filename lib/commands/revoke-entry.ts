import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { repositories, scoreEntries } from "@/db/schema";
import { ForbiddenError, can, type Viewer } from "@/lib/auth/permissions";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { audit, NotFoundError, RuleError } from "./context";

export const ZRevokeEntry = z.object({
  entryId: z.coerce.number({ error: "expected a ledger entry" }).int().positive(),
  reason: z.string({ error: "say why" }).trim().min(3, { error: "say why (at least 3 characters)" }).max(500),
});

/** Revokes a ledger entry by appending its opposite (the entry itself stays, as the ledger is append-only). */
export async function revokeEntry(db: Db, viewer: Viewer, input: z.infer<typeof ZRevokeEntry>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ entry: scoreEntries, repo: repositories.fullName })
      .from(scoreEntries)
      .leftJoin(repositories, eq(repositories.id, scoreEntries.repositoryId))
      .where(eq(scoreEntries.id, input.entryId))
      .for("update", { of: scoreEntries });
    if (!row) throw new NotFoundError("ledger entry");
    if (!can(viewer, "points.award", row.repo ? { repo: row.repo } : {}) || (!row.repo && !viewer.isAdmin)) throw new ForbiddenError("points.award");
    const { entry } = row;
    if (entry.kind === "revocation") throw new RuleError("A revocation cannot itself be revoked; award the points again instead.");
    const [already] = await tx.select({ id: scoreEntries.id }).from(scoreEntries).where(eq(scoreEntries.revokesEntryId, entry.id));
    if (already) throw new RuleError("This entry was already revoked.");
    const [revocation] = await tx
      .insert(scoreEntries)
      .values({
        seasonId: entry.seasonId,
        participantId: entry.participantId,
        taskId: entry.taskId,
        pullRequestId: entry.pullRequestId,
        repositoryId: entry.repositoryId,
        difficulty: entry.difficulty,
        points: -entry.points,
        kind: "revocation",
        actorId: viewer.participantId,
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
      actorId: viewer.participantId,
      action: "points.revoke",
      before: { entry: entry.id, points: entry.points },
      after: { entry: revocation!.id, points: -entry.points },
      reason: input.reason,
    });
    await refreshTotals(tx, entry.seasonId, [entry.participantId]);
    return { entryId: revocation!.id };
  });
}
