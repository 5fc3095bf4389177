import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, seasons, seasonTotals } from "@/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { getAllTimeRanking } from "@/lib/queries/all-time";
import { getOwnStanding } from "@/lib/queries/leaderboard";
import { getTeamRanking } from "@/lib/queries/teams";
import { DRIVERS, freshDatabase } from "../harness/databases";

describe.each(DRIVERS)("teams, all-time and own standing on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a team scores its members' points from when they joined", async () => {
    const teams = await getTeamRanking(h.db, "2020-s2");
    expect(teams?.map((t) => t.name).sort()).toEqual(["four-nines", "hot-region-hunters"]);
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    for (const team of teams!) {
      const logins = team.members.map((m) => m.login);
      const totals = await h.db
        .select({ points: seasonTotals.points })
        .from(seasonTotals)
        .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
        .where(and(eq(seasonTotals.seasonId, season!.id), inArray(participants.login, logins)));
      const individual = totals.reduce((n, t) => n + t.points, 0);
      expect(team.score).toBe(team.members.reduce((n, m) => n + m.points, 0));
      expect(team.score).toBeLessThanOrEqual(individual);
      expect(team.score).toBeGreaterThan(0);
    }
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
    expect(await getOwnStanding(h.db, "2020-s2", "raftwalker")).toMatchObject({ rank: 2, position: 1 });
    expect(await getOwnStanding(h.db, "2020-s2", "staff-runner")).toMatchObject({ rank: null });
    expect(await getOwnStanding(h.db, "2020-s2", "nobody")).toBeNull();
  });
});
