import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seasons, walletEntries, wallets } from "@/db/schema";
import { dueExpiries, walletState, type SeasonWindow, type WalletState } from "./rules";

/** Every season's window: what lot expiries are computed from. */
export async function seasonWindows(tx: Executor): Promise<SeasonWindow[]> {
  return tx.select({ id: seasons.id, startsAt: seasons.startsAt, endsAt: seasons.endsAt }).from(seasons);
}

/**
 * Locks the participant's wallet row for this transaction (creating it first), so two changes of one wallet
 * run one after the other and each sees what the other wrote.
 */
export async function lockWallet(tx: Executor, participantId: number): Promise<void> {
  await tx.insert(wallets).values({ participantId }).onConflictDoNothing();
  await tx.select({ id: wallets.participantId }).from(wallets).where(eq(wallets.participantId, participantId)).for("update");
}

/** The wallet as its ledger says now (read under the caller's lock when it is about to change it). */
export async function readWallet(tx: Executor, participantId: number, now = new Date()): Promise<WalletState> {
  const lines = await tx
    .select({ lotSeasonId: walletEntries.lotSeasonId, credits: walletEntries.credits })
    .from(walletEntries)
    .where(eq(walletEntries.participantId, participantId));
  return walletState(lines, await seasonWindows(tx), now);
}

type NewLine = { kind: "earn" | "spend" | "refund" | "expire"; lotSeasonId: number; credits: number; reason: string; sourceKey: string; redemptionId?: number | null; actorId?: number | null };

export async function appendLines(tx: Executor, participantId: number, lines: NewLine[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.insert(walletEntries).values(lines.map((l) => ({ participantId, redemptionId: null, actorId: null, ...l })));
}

/** How many entries the wallet holds: a sequence number for once-only keys written under the wallet's lock. */
async function entryCount(tx: Executor, participantId: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(walletEntries).where(eq(walletEntries.participantId, participantId));
  return row?.n ?? 0;
}

/**
 * Locks the wallet, writes the expire entries now due (the rest of each lot past its expiry), and returns the
 * wallet after them: the state a spend or refund works from.
 */
export async function settleWallet(tx: Executor, participantId: number, now = new Date()): Promise<WalletState> {
  await lockWallet(tx, participantId);
  const state = await readWallet(tx, participantId, now);
  const due = dueExpiries(state);
  if (due.length === 0) return state;
  const seq = await entryCount(tx, participantId);
  await appendLines(
    tx,
    participantId,
    due.map((d, i) => ({ kind: "expire", lotSeasonId: d.lotSeasonId, credits: d.credits, reason: "expired at the end of the next season", sourceKey: `expire:p${participantId}:s${d.lotSeasonId}:${seq + i}` })),
  );
  return readWallet(tx, participantId, now);
}

/** What the participant earned in one season's lot so far (the sum of its earn entries), and what is left of it. */
export async function lotFigures(tx: Executor, participantId: number, seasonId: number): Promise<{ earned: number; remaining: number; earns: number }> {
  const [row] = await tx
    .select({
      earned: sql<number>`coalesce(sum(case when ${walletEntries.kind} = 'earn' then ${walletEntries.credits} else 0 end), 0)::int`,
      remaining: sql<number>`coalesce(sum(${walletEntries.credits}), 0)::int`,
      earns: sql<number>`count(*) filter (where ${walletEntries.kind} = 'earn')::int`,
    })
    .from(walletEntries)
    .where(and(eq(walletEntries.participantId, participantId), eq(walletEntries.lotSeasonId, seasonId)));
  return { earned: Number(row?.earned ?? 0), remaining: Number(row?.remaining ?? 0), earns: Number(row?.earns ?? 0) };
}

/**
 * Writes the expire entries due in every wallet (each locked in id order). A wallet also settles itself at its
 * next change; this sweep (run when credits are issued, and fit for a scheduled job) keeps the ledger current
 * for wallets that do not change.
 */
export async function settleAllWallets(tx: Executor, now = new Date()): Promise<number> {
  const ids = (await tx.selectDistinct({ id: walletEntries.participantId }).from(walletEntries)).map((r) => r.id).sort((a, b) => a - b);
  let expired = 0;
  for (const id of ids) {
    const state = walletState(
      await tx.select({ lotSeasonId: walletEntries.lotSeasonId, credits: walletEntries.credits }).from(walletEntries).where(eq(walletEntries.participantId, id)),
      await seasonWindows(tx),
      now,
    );
    if (dueExpiries(state).length === 0) continue;
    await settleWallet(tx, id, now);
    expired += 1;
  }
  return expired;
}
