import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, repositories, scoreEntries, seasons, seasonTotals, tasks } from "@/db/schema";
import { generateDemoProgram } from "@/demo/program/generate";
import { seedDemo } from "@/demo/program/seed";
import { listSeasons } from "@/lib/queries/seasons";
import { plainAwards, totalsByHand } from "../factories/demo-expected";
import { DRIVERS, freshDatabase } from "../harness/databases";

/** How many of the fixture's tasks are plain enough for `plainAwards` (24 today: gated difficulties are left out since gates bind credit), so the check cannot pass on a short list. */
const PLAIN_AWARDS_AT_LEAST = 22;

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

  it("totals equal the ledger's points under the season file's caps, worked out by hand", async () => {
    const files = generateDemoProgram().seasons;
    for (const season of await h.db.select().from(seasons)) {
      // A member's own row holds only their individual points: entries a team owns are the team's.
      const entries = await h.db.select().from(scoreEntries).where(and(eq(scoreEntries.seasonId, season.id), isNull(scoreEntries.teamId)));
      const caps = files.find((f) => f.slug === season.slug)!.rules?.caps ?? [];
      const expected = [...totalsByHand(entries, caps)]
        .map(([participantId, t]) => ({ participantId, ...t }))
        .sort((a, b) => a.participantId - b.participantId);
      const stored = await h.db
        .select({ participantId: seasonTotals.participantId, points: seasonTotals.points, tasks: seasonTotals.tasks })
        .from(seasonTotals)
        .where(eq(seasonTotals.seasonId, season.id))
        .orderBy(asc(seasonTotals.participantId));
      expect(stored.length, season.slug).toBeGreaterThan(10);
      expect(stored, season.slug).toEqual(expected);
    }
  });

  it("the plainest tasks of the fixture pay their author the task's score, read from the fixture by hand", async () => {
    const plain = plainAwards(generateDemoProgram());
    expect(new Set(plain.map((a) => a.season))).toEqual(new Set(["2019-s1", "2020-s2"]));
    expect(plain.length).toBeGreaterThanOrEqual(PLAIN_AWARDS_AT_LEAST);
    const net = await h.db
      .select({
        season: seasons.slug,
        login: participants.login,
        repo: repositories.fullName,
        issue: tasks.number,
        points: sql<number>`sum(${scoreEntries.points})::int`,
      })
      .from(scoreEntries)
      .innerJoin(seasons, eq(seasons.id, scoreEntries.seasonId))
      .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
      .innerJoin(tasks, eq(tasks.id, scoreEntries.taskId))
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .groupBy(seasons.slug, participants.login, repositories.fullName, tasks.number);
    const ledger = new Map(net.map((r) => [`${r.season} ${r.login} ${r.repo}#${r.issue}`, Number(r.points)]));
    const got = plain.map((a) => ({ ...a, points: ledger.get(`${a.season} ${a.login} ${a.repo}#${a.issue}`) ?? 0 }));
    expect(got).toEqual(plain);
  });

  it("bots never score", async () => {
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
