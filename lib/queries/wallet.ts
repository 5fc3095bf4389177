import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seasons, walletEntries } from "@/db/schema";
import { readWallet } from "@/lib/wallet/ledger";
import type { WalletState } from "@/lib/wallet/rules";

export type WalletLine = { id: number; kind: "earn" | "spend" | "refund" | "expire"; credits: number; season: string; reason: string; at: Date };
export type WalletView = WalletState & { history: WalletLine[]; lotSlugs: Record<number, string> };

/** A participant's wallet for its owner: the balance, each season's lot with its expiry, and the history (newest first). */
export async function getWallet(db: Executor, participantId: number, now = new Date()): Promise<WalletView> {
  const state = await readWallet(db, participantId, now);
  const history = await db
    .select({ id: walletEntries.id, kind: walletEntries.kind, credits: walletEntries.credits, season: seasons.slug, reason: walletEntries.reason, at: walletEntries.createdAt })
    .from(walletEntries)
    .innerJoin(seasons, eq(seasons.id, walletEntries.lotSeasonId))
    .where(eq(walletEntries.participantId, participantId))
    .orderBy(desc(walletEntries.id))
    .limit(200);
  const slugs = await db.select({ id: seasons.id, slug: seasons.slug }).from(seasons);
  return { ...state, history, lotSlugs: Object.fromEntries(slugs.map((s) => [s.id, s.slug])) };
}
