import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { gifts, redemptions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { appendLines, settleWallet } from "@/lib/wallet/ledger";
import { allocateSpend } from "@/lib/wallet/rules";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit } from "./load";
import { zText } from "./shop-fields";
import { refusals } from "./refusals";

export const ZRequestRedemption = z.object({
  giftId: zId("a gift"),
  note: z.preprocess((v) => v ?? "", zText(500)),
});

/**
 * A participant asks for a gift: the credits are spent and one item is taken from the stock at once, in one
 * transaction. The wallet row is locked first (two requests of one participant run one after the other, so
 * the second sees the first's spend), and the stock is taken by a conditional update (`stock > 0`), so two
 * requests for the last item cannot both succeed. A shortfall rolls both back.
 */
export const requestRedemption = defineCommand({
  name: "shop.request",
  input: ZRequestRedemption,
  permission: "shop.redeem",
  async run({ tx, actorId, authorize }, input) {
    authorize("shop.redeem");
    if (actorId === null) throw refusals.redeemSignedIn();
    const [gift] = await tx.select().from(gifts).where(eq(gifts.id, input.giftId));
    if (!gift || !gift.active) throw new NotFoundError("gift");
    const wallet = await settleWallet(tx, actorId);
    const taken = await tx
      .update(gifts)
      .set({ stock: sql`${gifts.stock} - 1`, updatedAt: new Date() })
      .where(and(eq(gifts.id, gift.id), eq(gifts.active, true), gt(gifts.stock, 0)))
      .returning({ cost: gifts.cost, stock: gifts.stock });
    if (taken.length === 0) throw refusals.outOfStock(gift.name);
    const cost = taken[0]!.cost;
    const spend = allocateSpend(wallet, cost);
    if (!spend) throw refusals.tooFewCredits(gift.name, cost, wallet.available);
    const [row] = await tx.insert(redemptions).values({ participantId: actorId, giftId: gift.id, cost, note: input.note }).returning({ id: redemptions.id });
    const id = row!.id;
    await appendLines(
      tx,
      actorId,
      spend.map((s) => ({ kind: "spend", lotSeasonId: s.lotSeasonId, credits: s.credits, redemptionId: id, actorId, reason: `redeemed for ${gift.name}`, sourceKey: `spend:r${id}:s${s.lotSeasonId}` })),
    );
    await audit(tx, { seasonId: null, actorId, action: "shop.request", after: { redemption: id, gift: gift.name, cost } });
    return { redemptionId: id, balance: wallet.available - cost };
  },
});
