import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { gifts, redemptions, seasons, walletEntries, wallets, type Participant, type Season } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { runCommand } from "@/lib/commands/command";
import { requestRedemption } from "@/lib/commands/request-redemption";
import { createParticipant, createSeason } from "../factories/db";
import { createGift, createWalletCredits } from "../factories/wallet";
import { freshDatabase } from "../harness/databases";

const viewer = (p: Participant): Viewer => ({ userId: `u-${p.login}`, participantId: p.id, login: p.login, isAdmin: false, maintainerOf: [] });

/**
 * Two requests racing on PostgreSQL, each in its own transaction on its own connection. A third transaction
 * holds the contested row (the wallet, or the gift) while both start, so both have begun before either can
 * go on; then it lets go. Exactly one may win; the balance and the stock never go below zero.
 */
describe("redemptions racing on postgres", () => {
  let h: DbHandle;
  let season: Season;
  beforeAll(async () => {
    h = await freshDatabase("postgres");
    season = await createSeason(h.db, { slug: "race-final", startsAt: "2098-01-01T00:00:00Z", endsAt: "2098-03-01T00:00:00Z", repos: ["race/app"] });
    await h.db.update(seasons).set({ finalizedAt: new Date() }).where(eq(seasons.id, season.id));
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Runs `race` while another transaction holds `lock`'s row; returns each racer's outcome. */
  async function whileHeld(lock: (tx: Parameters<Parameters<typeof h.db.transaction>[0]>[0]) => Promise<unknown>, racers: (() => Promise<unknown>)[]) {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const locked = new Promise<void>((r) => (held = r));
    const holder = h.db.transaction(async (tx) => {
      await lock(tx);
      held();
      await gate;
    });
    await locked;
    const running = racers.map((r) => r().then(() => "ok" as const, (e: unknown) => (e as Error).message));
    // Both are now waiting on the held row (their own connections, their own transactions) — unless nothing
    // makes them wait, which the outcomes below then show.
    await waitForLockWaiters(racers.length);
    release();
    await holder;
    return Promise.all(running);
  }

  async function waitForLockWaiters(n: number) {
    for (let i = 0; i < 40; i++) {
      const rows = await h.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      const waiting = Number((rows as unknown as { n: number }[])[0]?.n ?? (rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n ?? 0);
      if (waiting >= n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("two requests for the last credits: one is granted, the other refused; the balance ends at 0, never below", async () => {
    const ann = await createParticipant(h.db, { login: "race-ann" });
    await createWalletCredits(h.db, { participant: ann, season, credits: 100 });
    const a = await createGift(h.db, { name: "race mug", cost: 100, stock: 5 });
    const b = await createGift(h.db, { name: "race cap", cost: 100, stock: 5 });
    const outcomes = await whileHeld(
      (tx) => tx.select().from(wallets).where(eq(wallets.participantId, ann.id)).for("update"),
      [() => runCommand(h.db, requestRedemption, viewer(ann), { giftId: a.id }), () => runCommand(h.db, requestRedemption, viewer(ann), { giftId: b.id })],
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok")).toEqual([expect.stringMatching(/costs 100 credits; you have 0\./)]);
    const [sum] = await h.db.select({ n: sql<number>`sum(${walletEntries.credits})::int` }).from(walletEntries).where(eq(walletEntries.participantId, ann.id));
    expect(sum!.n).toBe(0);
    expect(await h.db.select().from(redemptions).where(eq(redemptions.participantId, ann.id))).toHaveLength(1);
    // The refused request's stock came back with its rollback: 5 + 5 - 1 items left.
    const stock = await h.db.select({ stock: gifts.stock }).from(gifts).where(sql`${gifts.id} in (${a.id}, ${b.id})`);
    expect(stock.reduce((n, g) => n + g.stock, 0)).toBe(9);
  });

  it("two participants request the last item: one gets it, the other is told it is out of stock; the stock ends at 0", async () => {
    const bob = await createParticipant(h.db, { login: "race-bob" });
    const cat = await createParticipant(h.db, { login: "race-cat" });
    for (const p of [bob, cat]) await createWalletCredits(h.db, { participant: p, season, credits: 500 });
    const last = await createGift(h.db, { name: "race hoodie", cost: 200, stock: 1 });
    const outcomes = await whileHeld(
      (tx) => tx.select().from(gifts).where(eq(gifts.id, last.id)).for("update"),
      [() => runCommand(h.db, requestRedemption, viewer(bob), { giftId: last.id }), () => runCommand(h.db, requestRedemption, viewer(cat), { giftId: last.id })],
    );
    expect([...outcomes].sort()).toEqual(["ok", "race hoodie is out of stock."]);
    expect((await h.db.select().from(gifts).where(eq(gifts.id, last.id)))[0]!.stock).toBe(0);
    expect(await h.db.select().from(redemptions).where(eq(redemptions.giftId, last.id))).toHaveLength(1);
    const sums = await h.db.select({ p: walletEntries.participantId, n: sql<number>`sum(${walletEntries.credits})::int` }).from(walletEntries).where(sql`${walletEntries.participantId} in (${bob.id}, ${cat.id})`).groupBy(walletEntries.participantId);
    expect(sums.map((s) => s.n).sort()).toEqual([300, 500]);
  });
});
