import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, scoreEntries, seasons, seasonTotals, tasks } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { listSeasons } from "@/lib/queries/seasons";
import { computeTotals } from "@/lib/scoring/totals";
import { DRIVERS, freshDatabase } from "../harness/databases";

async function counts(h: DbHandle) {
  const n = async (table: typeof participants | typeof tasks | typeof pullRequests | typeof scoreEntries | typeof seasonTotals) =>
    (await h.db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    participants: await n(participants),
    tasks: await n(tasks),
    pullRequests: await n(pullRequests),
    entries: await n(scoreEntries),
    totals: await n(seasonTotals),
  };
}

describe.each(DRIVERS)("demo program on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("seeds two seasons with participants, tasks and points", async () => {
    await seedDemo(h.db);
    const c = await counts(h);
    expect(c.participants).toBeGreaterThanOrEqual(30);
    expect(c.tasks).toBeGreaterThanOrEqual(100);
    expect(c.entries).toBeGreaterThan(50);
    const list = await listSeasons(h.db);
    expect(list.map((s) => s.slug)).toEqual(["2020-s2", "2019-s1"]);
    for (const s of list) {
      expect(s.participants).toBeGreaterThan(10);
      const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, s.slug));
      const [direct] = await h.db.select({ n: count() }).from(tasks).where(eq(tasks.seasonId, season!.id));
      expect(s.tasks).toBe(direct?.n);
      expect(s.tasks).toBeGreaterThan(40);
    }
  });

  it("seeding again writes nothing new", async () => {
    const before = await counts(h);
    const maxId = (await h.db.select({ m: sql<number>`max(${scoreEntries.id})` }).from(scoreEntries))[0]?.m;
    await seedDemo(h.db);
    expect(await counts(h)).toEqual(before);
    expect((await h.db.select({ m: sql<number>`max(${scoreEntries.id})` }).from(scoreEntries))[0]?.m).toEqual(maxId);
  });

  it("totals equal what the ledger says, and bots never score", async () => {
    for (const season of await h.db.select().from(seasons)) {
      const entries = await h.db
        .select({
          id: scoreEntries.id,
          participantId: scoreEntries.participantId,
          repositoryId: scoreEntries.repositoryId,
          taskId: scoreEntries.taskId,
          difficulty: scoreEntries.difficulty,
          points: scoreEntries.points,
          occurredAt: scoreEntries.occurredAt,
        })
        .from(scoreEntries)
        .where(eq(scoreEntries.seasonId, season.id));
      const expected = computeTotals(entries, season.rules)
        .map((t) => ({ participantId: t.participantId, points: t.points, tasks: t.tasks }))
        .sort((a, b) => a.participantId - b.participantId);
      const stored = await h.db
        .select({ participantId: seasonTotals.participantId, points: seasonTotals.points, tasks: seasonTotals.tasks })
        .from(seasonTotals)
        .where(eq(seasonTotals.seasonId, season.id))
        .orderBy(asc(seasonTotals.participantId));
      expect(stored).toEqual(expected);
    }
    const botPoints = await h.db
      .select({ n: count() })
      .from(scoreEntries)
      .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
      .where(eq(participants.isBot, true));
    expect(botPoints[0]?.n).toBe(0);
  });

  it("a task with no readable score needs one and awards nothing", async () => {
    const unscored = await h.db.select().from(tasks).where(eq(tasks.scoreSource, "none"));
    expect(unscored.length).toBeGreaterThan(0);
    for (const t of unscored) {
      expect(t.score).toBeNull();
      const awarded = await h.db.select({ n: count() }).from(scoreEntries).where(eq(scoreEntries.taskId, t.id));
      expect(awarded[0]?.n).toBe(0);
    }
  });
});
