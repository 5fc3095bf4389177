import type { Executor } from "@/db/client";
import { gifts, walletEntries, wallets, type Gift, type Participant, type Season } from "@/db/schema";

let counter = 0;

/** An earn entry of `credits` in the participant's lot of `season` (as issuing a final season's credits writes it). */
export async function createWalletCredits(db: Executor, input: { participant: Participant; season: Season; credits: number }) {
  await db.insert(wallets).values({ participantId: input.participant.id }).onConflictDoNothing();
  const [row] = await db
    .insert(walletEntries)
    .values({
      participantId: input.participant.id,
      kind: "earn",
      credits: input.credits,
      lotSeasonId: input.season.id,
      reason: `seeded credits of ${input.season.slug}`,
      sourceKey: `factory:${process.pid}:${Date.now().toString(36)}:${counter++}`,
    })
    .returning();
  return row!;
}

/** A gift in the catalogue (active; defaults: cost 100, stock 5). */
export async function createGift(db: Executor, input: Partial<Pick<Gift, "name" | "cost" | "stock" | "pictureUrl" | "active">> = {}): Promise<Gift> {
  const [row] = await db
    .insert(gifts)
    .values({ name: input.name ?? `gift ${process.pid}-${counter++}`, cost: input.cost ?? 100, stock: input.stock ?? 5, pictureUrl: input.pictureUrl ?? null, active: input.active ?? true })
    .returning();
  return row!;
}
