import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { scoreEntries, seasons, seasonTotals, tasks } from "@/db/schema";
import { generateDemoProgram } from "@/demo/program/generate";
import { seedDemo } from "@/demo/program/seed";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument, type SeasonFile } from "@/lib/seasons/season-file";
import { DRIVERS, freshDatabase } from "../harness/databases";

function demoSeason(slug: string): SeasonFile {
  const parsed = parseSeasonDocument(generateDemoProgram().seasons);
  if (!parsed.success) throw new Error("demo seasons invalid");
  return parsed.data.find((s) => s.slug === slug)!;
}

describe.each(DRIVERS)("editing a season re-derives scores on %s", (kind) => {
  let h: DbHandle;
  let seasonId: number;
  const sum = async () =>
    Number((await h.db.select({ n: sql<number>`coalesce(sum(${seasonTotals.points}), 0)` }).from(seasonTotals).where(eq(seasonTotals.seasonId, seasonId)))[0]?.n);
  const ledger = async () =>
    Number((await h.db.select({ n: sql<number>`coalesce(sum(${scoreEntries.points}), 0)` }).from(scoreEntries).where(eq(scoreEntries.seasonId, seasonId)))[0]?.n);

  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
    seasonId = (await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2")))[0]!.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a new default score adjusts the awards of tasks scored by default, with ledger entries", async () => {
    const base = demoSeason("2020-s2");
    const before = await ledger();
    const [defaultTask] = await h.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.seasonId, seasonId), eq(tasks.scoreSource, "default"), eq(tasks.difficulty, "hard"), eq(tasks.state, "completed")));
    expect(defaultTask).toBeDefined();
    const hard = base.difficulties.hard!;
    await applySeasons(h.db, [{ ...base, difficulties: { ...base.difficulties, hard: hard + 500 } }]);
    const [after] = await h.db.select().from(tasks).where(eq(tasks.id, defaultTask!.id));
    expect(after?.score).toBe(hard + 500);
    const adjustments = await h.db.select().from(scoreEntries).where(and(eq(scoreEntries.taskId, defaultTask!.id), eq(scoreEntries.kind, "adjustment")));
    expect(adjustments.map((a) => a.points)).toEqual([500]);
    expect(await ledger()).toBeGreaterThan(before);
    // Back to the original: another adjustment, never an edit.
    await applySeasons(h.db, [base]);
    expect(await ledger()).toBe(before);
  });

  it("tighter caps lower the totals but keep the ledger", async () => {
    const base = demoSeason("2020-s2");
    const before = { totals: await sum(), ledger: await ledger() };
    await applySeasons(h.db, [{ ...base, rules: { ...base.rules, caps: [{ difficulty: "hard", max: 1, perRepo: false }] } }]);
    expect(await sum()).toBeLessThan(before.totals);
    expect(await ledger()).toBe(before.ledger);
    await applySeasons(h.db, [base]);
    expect(await sum()).toBe(before.totals);
  });

  it("a shorter window revokes awards merged outside it", async () => {
    const base = demoSeason("2020-s2");
    const before = await ledger();
    await applySeasons(h.db, [{ ...base, endsAt: "2020-03-15T00:00:00+08:00", graceDays: 0 }]);
    const revocations = await h.db.select().from(scoreEntries).where(and(eq(scoreEntries.seasonId, seasonId), eq(scoreEntries.kind, "revocation")));
    expect(revocations.length).toBeGreaterThan(0);
    expect(await ledger()).toBeLessThan(before);
    await applySeasons(h.db, [base]);
    expect(await ledger()).toBe(before);
  });
});
