import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { gifts } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ZFormBoolean } from "@/lib/util/form-boolean";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit } from "./load";
import { zCredits, zText, ZPictureUrl } from "./shop-fields";
import { refusals } from "./refusals";

export const ZSaveGift = z.object({
  id: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), zId("a gift").optional()),
  name: zText(120).pipe(z.string().min(2, { error: "expected a name of at least 2 characters" })),
  description: z.preprocess((v) => v ?? "", zText(1000)),
  cost: zCredits("a cost", 1),
  stock: zCredits("a stock", 0),
  pictureUrl: ZPictureUrl.optional().transform((v) => v ?? null),
  active: z.preprocess((v) => v ?? "true", ZFormBoolean),
});

/** An admin adds a gift to the catalogue or edits one (its row locked, so a request in flight sees one or the other). */
export const saveGift = defineCommand({
  name: "shop.save-gift",
  input: ZSaveGift,
  permission: "shop.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("shop.manage");
    const values = { name: input.name, description: input.description, cost: input.cost, stock: input.stock, pictureUrl: input.pictureUrl, active: input.active };
    const [clash] = await tx.select({ id: gifts.id }).from(gifts).where(sql`lower(${gifts.name}) = lower(${input.name})`);
    if (clash && clash.id !== input.id) throw refusals.giftExists(input.name);
    if (input.id === undefined) {
      const [row] = await tx.insert(gifts).values(values).returning({ id: gifts.id });
      await audit(tx, { seasonId: null, actorId, action: "gift.create", after: { id: row!.id, ...values } });
      return { id: row!.id };
    }
    const [before] = await tx.select().from(gifts).where(eq(gifts.id, input.id)).for("update");
    if (!before) throw new NotFoundError("gift");
    await tx.update(gifts).set({ ...values, updatedAt: new Date() }).where(eq(gifts.id, input.id));
    await audit(tx, { seasonId: null, actorId, action: "gift.update", before: { name: before.name, cost: before.cost, stock: before.stock, pictureUrl: before.pictureUrl, active: before.active }, after: values });
    return { id: input.id };
  },
});
