import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, seasons, seasonTotals } from "@/db/schema";
import { applyDemoProgram, seedDemo } from "@/demo/program/seed";
import { fixtureToBatch } from "@/demo/program/to-batch";
import { getAllTimeRanking } from "@/lib/queries/all-time";
import { getOwnStanding } from "@/lib/queries/leaderboard";
import { getTeamRanking } from "@/lib/queries/teams";
import { ingest } from "@/lib/sync/ingest";
import { smallProgram } from "../factories/program";
import { DRIVERS, freshDatabase } from "../harness/databases";

/**
 * A small season worked out by hand (docs/contract.md, the revised team rule: a member's points earned from
 * `joinedAt` on belong to the team, points earned before stay individual, and a member's own row shows only their
 * individual points; the caps hold for the team as one scorer). Defaults: easy 100, medium 300, hard 1000; easy capped at 150.
 *
 *   ann (duo, joined 04-01): easy #1 on 03-10 (before: hers), easy #2 on 04-05 and medium #3 on 04-20 (the duo's)
 *   bob (duo, joined 04-01): hard #4 on 03-15 (before: his), medium #5 on 05-01 (the duo's)
 *   cat (solo, no joinedAt: the season's start): easy #6 on 03-05 (solo's)
 *   individual rows: ann 100 (1 task), bob 1000 (1 task); cat has none
 *   duo: easy 100 + medium 300 + 300 = 700, 3 tasks (rank 1; ann brought 400, bob 300); solo: 100 (rank 2)
 * A second season (small-later, June to August, no teams, no caps): ann's easy #7 on 06-10 → 100.
 *   all time: bob 1000 (1 season), ann 100 + 100 = 200 (2 seasons, 2 tasks)
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
    {
      slug: "small-later",
      name: "Small Later",
      startsAt: "2020-06-01T00:00:00+00:00",
      endsAt: "2020-08-31T23:59:59+00:00",
      repos: ["acme/app"],
      taskLabels: ["cp"],
      difficulties: { easy: 100, medium: 300, hard: 1000 },
    },
  ],
  tasks: [
    { number: 1, difficulty: "easy" },
    { number: 2, difficulty: "easy" },
    { number: 3, difficulty: "medium" },
    { number: 4, difficulty: "hard" },
    { number: 5, difficulty: "medium" },
    { number: 6, difficulty: "easy" },
    { number: 7, difficulty: "easy" },
  ],
  merges: [
    { author: "ann", task: 1, mergedAt: "2020-03-10T00:00:00Z" },
    { author: "ann", task: 2, mergedAt: "2020-04-05T00:00:00Z" },
    { author: "ann", task: 3, mergedAt: "2020-04-20T00:00:00Z" },
    { author: "bob", task: 4, mergedAt: "2020-03-15T00:00:00Z" },
    { author: "bob", task: 5, mergedAt: "2020-05-01T00:00:00Z" },
    { author: "cat", task: 6, mergedAt: "2020-03-05T00:00:00Z" },
    { author: "ann", task: 7, mergedAt: "2020-06-10T00:00:00Z" },
  ],
});

describe.each(DRIVERS)("a small team season worked out by hand on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, SMALL);
    await ingest(h.db, fixtureToBatch(SMALL));
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a team owns its members' points from when they joined", async () => {
    expect(await getTeamRanking(h.db, "small-teams")).toEqual([
      {
        rank: 1,
        name: "duo",
        score: 700,
        tasks: 3,
        byDifficulty: { easy: { tasks: 1, score: 100 }, medium: { tasks: 2, score: 600 } },
        unranked: false,
        members: [{ login: "ann", points: 400 }, { login: "bob", points: 300 }],
      },
      { rank: 2, name: "solo", score: 100, tasks: 1, byDifficulty: { easy: { tasks: 1, score: 100 } }, unranked: false, members: [{ login: "cat", points: 100 }] },
    ]);
  });

  it("each member's own row holds only their individual points", async () => {
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "small-teams"));
    const rows = await h.db
      .select({ login: participants.login, points: seasonTotals.points, tasks: seasonTotals.tasks })
      .from(seasonTotals)
      .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
      .where(eq(seasonTotals.seasonId, season!.id))
      .orderBy(asc(participants.login));
    expect(rows).toEqual([
      { login: "ann", points: 100, tasks: 1 },
      { login: "bob", points: 1000, tasks: 1 },
    ]);
  });

  it("the all-time ranking sums each participant's seasons", async () => {
    const rows = await getAllTimeRanking(h.db);
    expect(rows.map((r) => ({ rank: r.rank, login: r.login, score: r.score, tasks: r.tasks, seasons: r.seasons }))).toEqual([
      { rank: 1, login: "bob", score: 1000, tasks: 1, seasons: 1 },
      { rank: 2, login: "ann", score: 200, tasks: 2, seasons: 2 },
    ]);
  });
});

describe.each(DRIVERS)("teams, all-time and own standing on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("the demo's teams are ranked", async () => {
    const teams = await getTeamRanking(h.db, "2020-s2");
    expect(teams?.map((t) => t.name).sort()).toEqual(["four-nines", "hot-region-hunters"]);
    expect(teams![0]!.rank).toBe(1);
  });

  it("the all-time ranking sums seasons", async () => {
    const rows = await getAllTimeRanking(h.db);
    const raft = rows.find((r) => r.login === "raftwalker");
    expect(raft?.seasons).toBe(2);
    expect(rows[0]!.rank).toBe(1);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.score >= r.score)).toBe(true);
  });

  it("a participant's own standing matches the leaderboard", async () => {
    // Rank 1 since the revised team rule: the team members' points from their joinedAt on are their teams', not on their rows.
    expect(await getOwnStanding(h.db, "2020-s2", "raftwalker")).toMatchObject({ rank: 1, position: 0 });
    expect(await getOwnStanding(h.db, "2020-s2", "staff-runner")).toMatchObject({ rank: null });
    expect(await getOwnStanding(h.db, "2020-s2", "nobody")).toBeNull();
  });
});
