import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { gifts, redemptions, walletEntries } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { appendLines, settleWallet } from "@/lib/wallet/ledger";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit } from "./load";
import { zText } from "./shop-fields";
import { refusals } from "./refusals";

export const ZReviewRedemption = z
  .object({
    redemptionId: zId("a redemption"),
    decision: z.enum(["approve", "ship", "refuse"], { error: "expected approve, ship or refuse" }),
    reason: z.preprocess((v) => v ?? "", zText(500)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && v.reason.length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "say why it is refused (at least 3 characters)" });
  });

/** Which decision moves a redemption from which status. Shipped and refused are final. */
const NEXT: Record<"approve" | "ship" | "refuse", { from: readonly string[]; to: "approved" | "shipped" | "refused" }> = {
  approve: { from: ["requested"], to: "approved" },
  ship: { from: ["approved"], to: "shipped" },
  refuse: { from: ["requested", "approved"], to: "refused" },
};

/** An admin approves, ships or refuses a redemption; a refusal refunds its credits to the lots they came from and puts the item back. */
export const reviewRedemption = defineCommand({
  name: "shop.review",
  input: ZReviewRedemption,
  permission: "shop.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("shop.manage");
    const [r] = await tx.select().from(redemptions).where(eq(redemptions.id, input.redemptionId)).for("update");
    if (!r) throw new NotFoundError("redemption");
    const step = NEXT[input.decision];
    if (!step.from.includes(r.status)) throw refusals.redemptionStep(r.status, step.to);
    await tx
      .update(redemptions)
      .set({ status: step.to, decidedById: actorId, reason: input.reason || null, updatedAt: new Date() })
      .where(eq(redemptions.id, r.id));
    if (step.to === "refused") {
      await settleWallet(tx, r.participantId);
      const spent = await tx.select().from(walletEntries).where(eq(walletEntries.redemptionId, r.id));
      await appendLines(
        tx,
        r.participantId,
        spent
          .filter((e) => e.kind === "spend")
          .map((e) => ({ kind: "refund", lotSeasonId: e.lotSeasonId, credits: -e.credits, redemptionId: r.id, actorId, reason: `refused: ${input.reason}`, sourceKey: `refund:r${r.id}:s${e.lotSeasonId}` })),
      );
      await tx.update(gifts).set({ stock: sql`${gifts.stock} + 1`, updatedAt: new Date() }).where(eq(gifts.id, r.giftId));
    }
    await audit(tx, { seasonId: null, actorId, action: `shop.${input.decision}`, before: { status: r.status }, after: { redemption: r.id, status: step.to }, reason: input.reason || null });
    return { status: step.to };
  },
});
