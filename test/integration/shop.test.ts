import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { gifts, participants, redemptions, seasons, walletEntries, type Participant } from "@/db/schema";
import { applyDemoProgram } from "@/demo/program/seed";
import { fixtureToBatch } from "@/demo/program/to-batch";
import type { Viewer } from "@/lib/auth/permissions";
import { runCommand } from "@/lib/commands/command";
import { issueCredits } from "@/lib/commands/issue-credits";
import { requestRedemption } from "@/lib/commands/request-redemption";
import { reviewRedemption } from "@/lib/commands/review-redemption";
import { saveGift } from "@/lib/commands/save-gift";
import { setCreditShares } from "@/lib/commands/set-credit-shares";
import { getWallet } from "@/lib/queries/wallet";
import { ingest } from "@/lib/sync/ingest";
import { smallProgram } from "../factories/program";
import { DRIVERS, freshDatabase } from "../harness/databases";

/**
 * The small team season of teams.test.ts, worked out by hand under the revised team rule (contract, "Teams": points
 * from joinedAt on belong to the team; season_totals holds only a member's own points). One credit a point.
 *   duo joins 2020-04-01; solo (cat) has no joinedAt, so from the season's start 2020-03-01.
 *   ann: #1 easy 03-10 before joining → her own 100 (easy cap 150 not reached); #2 easy 04-05 100 + #3 medium 04-20 300 → duo
 *   bob: #4 hard 03-15 before joining → his own 1000; #5 medium 05-01 300 → duo
 *   cat: #6 easy 03-05 → solo 100; cat owns 0 (no totals row)
 *   duo: 100 + 300 + 300 = 700 (one easy, 100 ≤ the cap 150); solo: 100
 * Equal split: ann 100 + 700/2 = 450, bob 1000 + 350 = 1350, cat 0 + 100 = 100 (1900 in all = 100 + 1000 + 700 + 100).
 * Shares ann 2 : bob 1: duo's 700 → 1400/3 = 466 rest 2, 700/3 = 233 rest 1; the one left over goes to the larger rest,
 * ann: 467 and 233. So ann 100 + 467 = 567 (+117 on her 450), bob 1000 + 233 = 1233 (−117 on his 1350).
 * Expiry: small-teams' credits expire at the end of small-later (2099-08-31T23:59:59Z; the last test moves it to 2020).
 */
const SMALL = smallProgram({
  repo: "acme/app",
  logins: ["ann", "bob", "cat"],
  seasons: [
    {
      slug: "small-teams",
      name: "Small Teams",
      startsAt: "2020-03-01T00:00:00+00:00",
      endsAt: "2020-05-31T23:59:59+00:00",
      repos: ["acme/app"],
      taskLabels: ["cp"],
      difficulties: { easy: 100, medium: 300, hard: 1000 },
      rules: { caps: [{ difficulty: "easy", max: 150 }] },
      teams: [
        { name: "duo", members: ["ann", "bob"], joinedAt: "2020-04-01T00:00:00+00:00" },
        { name: "solo", members: ["cat"] },
      ],
    },
    { slug: "small-later", name: "Small Later", startsAt: "2020-06-01T00:00:00+00:00", endsAt: "2099-08-31T23:59:59+00:00", repos: ["acme/app"], taskLabels: ["cp"], difficulties: { easy: 100 } },
  ],
  tasks: [
    { number: 1, difficulty: "easy" },
    { number: 2, difficulty: "easy" },
    { number: 3, difficulty: "medium" },
    { number: 4, difficulty: "hard" },
    { number: 5, difficulty: "medium" },
    { number: 6, difficulty: "easy" },
  ],
  merges: [
    { author: "ann", task: 1, mergedAt: "2020-03-10T00:00:00Z" },
    { author: "ann", task: 2, mergedAt: "2020-04-05T00:00:00Z" },
    { author: "ann", task: 3, mergedAt: "2020-04-20T00:00:00Z" },
    { author: "bob", task: 4, mergedAt: "2020-03-15T00:00:00Z" },
    { author: "bob", task: 5, mergedAt: "2020-05-01T00:00:00Z" },
    { author: "cat", task: 6, mergedAt: "2020-03-05T00:00:00Z" },
  ],
});

const ADMIN: Viewer = { userId: "u-admin", participantId: null, login: "shop-admin", isAdmin: true, maintainerOf: [] };

describe.each(DRIVERS)("credits and the gift shop on %s", (kind) => {
  let h: DbHandle;
  const people = new Map<string, Participant>();
  const as = (login: string): Viewer => ({ userId: `u-${login}`, participantId: people.get(login)!.id, login, isAdmin: false, maintainerOf: [] });
  const wallet = async (login: string, now = new Date()) => getWallet(h.db, people.get(login)!.id, now);

  beforeAll(async () => {
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, SMALL);
    await ingest(h.db, fixtureToBatch(SMALL));
    for (const p of await h.db.select().from(participants)) people.set(p.login, p);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a season that is not final issues no credits", async () => {
    await expect(runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/not final/) });
  });

  it("a final season credits each member's own points and an equal split of the team's; a second run writes nothing", async () => {
    await h.db.update(seasons).set({ finalizedAt: new Date("2020-06-15T00:00:00Z") }).where(eq(seasons.slug, "small-teams"));
    expect(await runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).toEqual({ season: "small-teams", participants: 3, credits: 1900, expiredWallets: 0 });
    // ann 100 + 350, bob 1000 + 350, cat 0 + 100 (see the top).
    expect([(await wallet("ann")).available, (await wallet("bob")).available, (await wallet("cat")).available]).toEqual([450, 1350, 100]);
    expect(await runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).toEqual({ season: "small-teams", participants: 0, credits: 0, expiredWallets: 0 });
    expect((await wallet("ann")).lots).toEqual([{ seasonId: expect.any(Number), remaining: 450, expiresAt: new Date("2099-08-31T23:59:59Z"), expired: false }]);
  });

  it("the admin's shares (ann 2 : bob 1) split duo's 700 as 467 and 233; issuing again writes only the difference", async () => {
    await expect(runCommand(h.db, setCreditShares, ADMIN, { season: "small-teams", team: "duo", shares: "ann: 2" })).rejects.toMatchObject({ message: expect.stringMatching(/Name every member/) });
    await expect(runCommand(h.db, setCreditShares, ADMIN, { season: "small-teams", team: "duo", shares: "ann: 2, zed: 1" })).rejects.toMatchObject({ message: "zed is not a member of duo." });
    await runCommand(h.db, setCreditShares, ADMIN, { season: "small-teams", team: "duo", shares: "ann: 2, bob: 1" });
    expect(await runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).toEqual({ season: "small-teams", participants: 2, credits: 0, expiredWallets: 0 });
    expect([(await wallet("ann")).available, (await wallet("bob")).available]).toEqual([567, 1233]);
    const annEarns = await h.db.select({ credits: walletEntries.credits }).from(walletEntries).where(eq(walletEntries.participantId, people.get("ann")!.id)).orderBy(asc(walletEntries.id));
    expect(annEarns.map((e) => e.credits)).toEqual([450, 117]);
  });

  it("a gift's picture must be an https URL; a request spends the cost and takes one from the stock", async () => {
    await expect(runCommand(h.db, saveGift, ADMIN, { name: "Mug", cost: "500", stock: "1", pictureUrl: "http://example.org/mug.png" })).rejects.toMatchObject({ code: "INVALID", fields: { pictureUrl: "expected an https URL (https://…)" } });
    await expect(runCommand(h.db, saveGift, ADMIN, { name: "Mug", cost: "0", stock: "-1", pictureUrl: "javascript:alert(1)" })).rejects.toMatchObject({
      fields: { cost: "expected a cost of at least 1", stock: "expected a stock of at least 0", pictureUrl: "expected an https URL (https://…)" },
    });
    const { id } = await runCommand(h.db, saveGift, ADMIN, { name: "Mug", cost: "500", stock: "1", pictureUrl: "https://example.org/mug.png" });
    const { redemptionId, balance } = await runCommand(h.db, requestRedemption, as("ann"), { giftId: id, note: "size M" });
    // 567 − 500 = 67.
    expect(balance).toBe(67);
    expect((await h.db.select().from(gifts).where(eq(gifts.id, id)))[0]!.stock).toBe(0);
    await expect(runCommand(h.db, requestRedemption, as("bob"), { giftId: id })).rejects.toMatchObject({ code: "CONFLICT", message: "Mug is out of stock." });
    const w = await wallet("ann");
    expect(w.available).toBe(67);
    expect(w.history.map((l) => [l.kind, l.credits])).toEqual([
      ["spend", -500],
      ["earn", 117],
      ["earn", 450],
    ]);
    // Refused: the credits come back and so does the item.
    await expect(runCommand(h.db, reviewRedemption, ADMIN, { redemptionId, decision: "refuse", reason: "" })).rejects.toMatchObject({ fields: { reason: expect.stringMatching(/say why/) } });
    await runCommand(h.db, reviewRedemption, ADMIN, { redemptionId, decision: "refuse", reason: "the mugs broke in transit" });
    expect((await wallet("ann")).available).toBe(567);
    expect((await h.db.select().from(gifts).where(eq(gifts.id, id)))[0]!.stock).toBe(1);
    await expect(runCommand(h.db, reviewRedemption, ADMIN, { redemptionId, decision: "approve", reason: "" })).rejects.toMatchObject({ message: "This redemption is refused; it cannot be approved now." });
  });

  it("cat cannot spend more than his 100 credits; approve then ship; shipped is final", async () => {
    const { id } = await runCommand(h.db, saveGift, ADMIN, { name: "Sticker", cost: "60", stock: "10" });
    const first = await runCommand(h.db, requestRedemption, as("cat"), { giftId: id });
    await expect(runCommand(h.db, requestRedemption, as("cat"), { giftId: id })).rejects.toMatchObject({ message: "Sticker costs 60 credits; you have 40." });
    expect((await h.db.select().from(gifts).where(eq(gifts.id, id)))[0]!.stock).toBe(9);
    await expect(runCommand(h.db, reviewRedemption, ADMIN, { redemptionId: first.redemptionId, decision: "ship" })).rejects.toMatchObject({ message: /requested; it cannot be shipped/ });
    await runCommand(h.db, reviewRedemption, ADMIN, { redemptionId: first.redemptionId, decision: "approve" });
    await runCommand(h.db, reviewRedemption, ADMIN, { redemptionId: first.redemptionId, decision: "ship" });
    expect((await h.db.select().from(redemptions).where(eq(redemptions.id, first.redemptionId)))[0]!.status).toBe("shipped");
    await expect(runCommand(h.db, reviewRedemption, ADMIN, { redemptionId: first.redemptionId, decision: "refuse", reason: "too late" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("after the next season ends, what is left expires: shown at once, written by the wallet's next change or the sweep", async () => {
    await h.db.update(seasons).set({ endsAt: new Date("2020-08-31T23:59:59Z") }).where(eq(seasons.slug, "small-later"));
    expect(await wallet("bob", new Date("2020-08-31T23:59:58Z"))).toMatchObject({ balance: 1233, available: 1233 });
    expect(await wallet("bob")).toMatchObject({ balance: 1233, available: 0, lots: [{ remaining: 1233, expired: true }] });
    const { id } = await runCommand(h.db, saveGift, ADMIN, { name: "Cap", cost: "10", stock: "5" });
    await expect(runCommand(h.db, requestRedemption, as("bob"), { giftId: id })).rejects.toMatchObject({ message: "Cap costs 10 credits; you have 0." });
    // The refused request rolled back with its expire entry; the sweep writes one for every wallet with credits left (ann 567, bob 1233, cat 100 − 60 = 40).
    expect(await runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).toEqual({ season: "small-teams", participants: 0, credits: 0, expiredWallets: 3 });
    expect(await wallet("bob")).toMatchObject({ balance: 0, available: 0 });
    expect((await wallet("bob")).history[0]).toMatchObject({ kind: "expire", credits: -1233 });
    expect((await wallet("cat")).history[0]).toMatchObject({ kind: "expire", credits: -40 });
    expect(await runCommand(h.db, issueCredits, ADMIN, { season: "small-teams" })).toMatchObject({ expiredWallets: 0 });
  });
});
