import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, participants, pullRequests, scoreEntries, seasonResults, seasons, seasonTotals, users, type Participant, type Season } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { awardPoints } from "@/lib/commands/award-points";
import { finalizeSeason, reopenSeason } from "@/lib/commands/finalize-season";
import { PodiumError } from "@/lib/errors";
import { finalStandings, getSeasonDetail } from "@/lib/queries/season-results";
import { getSeasonReport } from "@/lib/queries/season-report";
import { getTeamRanking } from "@/lib/queries/teams";
import { winnersWithEmails } from "@/lib/queries/winners";
import { createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

/**
 * A season worked out by hand (easy 100, medium 300, hard 1000; 2020-03-01 to 06-01, 2 grace days), under the
 * revised team rule (contract, "Teams"): a member's points from the team's joinedAt on are the team's, not on
 * the member's row. Team duo = ann + bob, joined 2020-04-05.
 *   before 04-05, individual: ann medium 300 (04-01) · bob easy 100 (04-02) · cat easy 100 (04-03) · staff medium 300 (04-04)
 *   from 04-05, duo's:        ann easy 100 (04-06) · bob medium 300 (04-07)
 *   individuals: ann 300 #1 (reached 04-01) · staff 300 unranked (reached 04-04) · bob 100 #2 (04-02) · cat 100 #2 (04-03)
 *   teams: duo 100 + 300 = 400 #1
 * Prizes: First [1, 1] → ann, duo · Second [2, 3] → bob, cat (a tie at rank 2: two places, two winners)
 *         · Excellence ≥ 300 → ann 300, staff 300, duo 400 (bob's and cat's 100 fall short).
 */
const PRIZES = [{ name: "First", ranks: [1, 1] as [number, number] }, { name: "Second", ranks: [2, 3] as [number, number] }, { name: "Excellence", minPoints: 300 }];

async function totalsOf(h: DbHandle, season: Season) {
  return h.db
    .select({ login: participants.login, points: seasonTotals.points })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(eq(seasonTotals.seasonId, season.id))
    .orderBy(asc(participants.login));
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof PodiumError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
};

describe.each(DRIVERS)("finalizing and reopening a season on %s", (kind) => {
  let h: DbHandle;
  let season: Season;
  const people: Record<string, Participant> = {};
  beforeAll(async () => {
    h = await freshDatabase(kind);
    season = await createSeason(h.db, {
      slug: "fin",
      repos: ["fin/app"],
      endsAt: "2020-06-01T00:00:00Z",
      graceDays: 2,
      unranked: ["staff"],
      teams: [{ name: "duo", members: ["ann", "bob"], joinedAt: "2020-04-05T00:00:00Z" }],
      prizes: PRIZES,
    });
    for (const login of ["ann", "bob", "cat", "staff"]) people[login] = await createParticipant(h.db, { login });
    const merges: [string, "easy" | "medium", string][] = [
      ["ann", "medium", "04-01"], ["bob", "easy", "04-02"], ["cat", "easy", "04-03"], ["staff", "medium", "04-04"], // individual
      ["ann", "easy", "04-06"], ["bob", "medium", "04-07"], // duo's (after its joinedAt 04-05)
    ];
    for (const [login, difficulty, day] of merges) {
      const task = await createTask(h.db, { season, difficulty });
      await createPullRequest(h.db, { author: people[login]!, closes: task, mergedAt: `2020-${day}T00:00:00Z` });
    }
    await h.db.insert(users).values({ name: "Ann", email: "ann@example.org", participantId: people.ann!.id });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is refused before endsAt + graceDays, naming the moment", async () => {
    const soon = await createSeason(h.db, { slug: "soon", startsAt: "2020-03-01T00:00:00Z", endsAt: new Date(Date.now() - 86_400_000).toISOString(), graceDays: 3 });
    const r = await refusal(runCommand(h.db, finalizeSeason, "operator", { slug: soon.slug }));
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toContain("cannot be finalized before");
    expect(r.message).toContain(new Date(soon.endsAt.getTime() + 3 * 86_400_000).toISOString());
    const [after] = await h.db.select({ finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.id, soon.id));
    expect(after!.finalizedAt).toBeNull();
    expect((await refusal(runCommand(h.db, finalizeSeason, "operator", { slug: "no-such" }))).code).toBe("NOT_FOUND");
  });

  it("freezes both rankings with their prizes, sets finalized_at and writes an audit row", async () => {
    // The team owns 100 + 300 = 400 of its members' points; their rows keep only what they earned before 04-05.
    expect((await getTeamRanking(h.db, "fin"))!.map((t) => [t.name, t.rank, t.score, t.members])).toEqual([
      ["duo", 1, 400, [{ login: "bob", points: 300 }, { login: "ann", points: 100 }]],
    ]);
    const done = await runCommand(h.db, finalizeSeason, "operator", { slug: "fin" });
    // 4 individual rows (ann, staff, bob, cat) + 1 team row (duo) = 5.
    expect(done.entries).toBe(5);
    const rows = await h.db
      .select({ ranking: seasonResults.ranking, position: seasonResults.position, rank: seasonResults.rank, name: seasonResults.name, score: seasonResults.score, tasks: seasonResults.tasks, prizes: seasonResults.prizes })
      .from(seasonResults)
      .where(eq(seasonResults.seasonId, season.id))
      .orderBy(asc(seasonResults.ranking), asc(seasonResults.position));
    expect(rows).toEqual([
      { ranking: "individuals", position: 1, rank: 1, name: "ann", score: 300, tasks: 1, prizes: ["First", "Excellence"] },
      { ranking: "individuals", position: 2, rank: null, name: "staff", score: 300, tasks: 1, prizes: ["Excellence"] },
      { ranking: "individuals", position: 3, rank: 2, name: "bob", score: 100, tasks: 1, prizes: ["Second"] },
      { ranking: "individuals", position: 4, rank: 2, name: "cat", score: 100, tasks: 1, prizes: ["Second"] },
      // duo's tasks: ann's easy (04-06) and bob's medium (04-07) = 2.
      { ranking: "teams", position: 1, rank: 1, name: "duo", score: 400, tasks: 2, prizes: ["First", "Excellence"] },
    ]);
    const [s] = await h.db.select({ finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.id, season.id));
    expect(s!.finalizedAt).not.toBeNull();
    const audits = await h.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.seasonId, season.id), eq(auditEvents.action, "season.finalize")));
    expect(audits).toHaveLength(1);
    expect((await refusal(runCommand(h.db, finalizeSeason, "operator", { slug: "fin" }))).message).toContain("already final");
  });

  it("the API's season says final and names the winners; standings and the admins' winners list read the frozen rows", async () => {
    const detail = await getSeasonDetail(h.db, "fin");
    expect(detail).toMatchObject({ slug: "fin", final: true });
    expect(detail!.prizes).toEqual([
      { name: "First", tiedAtBoundary: [], winners: [{ login: "ann", rank: 1, score: 300 }, { team: "duo", rank: 1, score: 400 }] },
      { name: "Second", tiedAtBoundary: [], winners: [{ login: "bob", rank: 2, score: 100 }, { login: "cat", rank: 2, score: 100 }] },
      { name: "Excellence", tiedAtBoundary: [], winners: [{ login: "ann", rank: 1, score: 300 }, { login: "staff", rank: null, score: 300 }, { team: "duo", rank: 1, score: 400 }] },
    ]);
    expect(await finalStandings(h.db, "ANN")).toMatchObject([{ slug: "fin", login: "ann", rank: 1, score: 300, prizes: ["First", "Excellence"] }]);
    expect(await finalStandings(h.db, "nobody")).toEqual([]);
    const winners = await winnersWithEmails(h.db, "fin");
    expect(winners!.filter((w) => w.prize === "First")).toEqual([
      { prize: "First", ranking: "individuals", rank: 1, name: "ann", score: 300, logins: ["ann"], emails: ["ann@example.org"] },
      { prize: "First", ranking: "teams", rank: 1, name: "duo", score: 400, logins: ["ann", "bob"], emails: ["ann@example.org"] },
    ]);
  });

  it("a prize winner who hid themselves is not named in the API's prizes (their prize and rank are kept); the admins' list still names them", async () => {
    await h.db.update(participants).set({ hidden: true }).where(eq(participants.login, "bob"));
    try {
      const second = (await getSeasonDetail(h.db, "fin"))!.prizes!.find((p) => p.name === "Second");
      expect(second!.winners).toEqual([{ login: null, rank: 2, score: 100 }, { login: "cat", rank: 2, score: 100 }]);
      expect((await winnersWithEmails(h.db, "fin"))!.filter((w) => w.prize === "Second").map((w) => w.name)).toEqual(["bob", "cat"]);
    } finally {
      await h.db.update(participants).set({ hidden: false }).where(eq(participants.login, "bob"));
    }
  });

  it("the season report: counts, tasks by difficulty, repository and week, the top ten's timelines, the prizes", async () => {
    const r = (await getSeasonReport(h.db, "fin"))!;
    expect(r.season).toMatchObject({ slug: "fin", final: true });
    // 4 people with points of their own; 6 tasks: easy bob, cat, ann (duo's) = 3, medium ann, staff, bob (duo's) = 3.
    expect({ participants: r.participants, teams: r.teams, tasks: r.tasksCompleted }).toEqual({ participants: 4, teams: 1, tasks: 6 });
    expect(r.byDifficulty).toEqual([{ difficulty: "easy", tasks: 3 }, { difficulty: "medium", tasks: 3 }]);
    expect(r.topTen.map((t) => [t.rank, t.login, t.score])).toEqual([[1, "ann", 300], [null, "staff", 300], [2, "bob", 100], [2, "cat", 100]]);
    // ann's own points only: her 04-06 easy is duo's, so her line stays at 300 (as her score).
    expect(r.topTen[0]!.timeline).toEqual([{ at: "2020-04-01T00:00:00.000Z", points: 300 }]);
    expect(r.topTen[2]!.timeline).toEqual([{ at: "2020-04-02T00:00:00.000Z", points: 100 }]);
    // The season's points: individual 300 + 100 + 100 + 300 = 800, plus duo's 400 = 1200, all in fin/app.
    expect(r.byRepository).toEqual([{ repo: "fin/app", tasks: 6, points: 1200, percent: 100 }]);
    // 2020-03-01 to 06-01 is 92 days: 14 weeks. Days 31 to 34 after the start fall in week 5 (days 28–34, from 03-29);
    // the team's 04-06 and 04-07 are days 36 and 37: week 6 (days 35–41, from 04-05).
    expect(r.weekly).toHaveLength(14);
    expect(r.weekly.filter((w) => w.tasks > 0)).toEqual([
      { week: 5, from: "2020-03-29T00:00:00.000Z", tasks: 4 },
      { week: 6, from: "2020-04-05T00:00:00.000Z", tasks: 2 },
    ]);
    expect(r.prizes.map((p) => [p.name, p.winners.length])).toEqual([["First", 2], ["Second", 2], ["Excellence", 3]]);
  });

  it("an import after finalizing is stored but changes no total; a maintainer's award is refused", async () => {
    const before = await totalsOf(h, season);
    const task = await createTask(h.db, { season, difficulty: "hard" });
    const late = await createPullRequest(h.db, { author: people.cat!, closes: task, mergedAt: "2020-04-10T00:00:00Z" });
    expect(late.state).toBe("merged");
    expect(await h.db.select().from(pullRequests).where(eq(pullRequests.id, late.id))).toHaveLength(1);
    expect(await h.db.select().from(scoreEntries).where(eq(scoreEntries.pullRequestId, late.id))).toEqual([]);
    expect(await totalsOf(h, season)).toEqual(before);
    const r = await refusal(runCommand(h.db, awardPoints, "operator", { season: "fin", pullRequestId: late.id, points: 50, reason: "extra tests" }));
    expect(r.message).toContain("is final");
  });

  it("reopening needs a reason, clears the results and re-derives what arrived meanwhile (audited)", async () => {
    expect((await refusal(runCommand(h.db, reopenSeason, "operator", { slug: "fin" }))).code).toBe("INVALID");
    await runCommand(h.db, reopenSeason, "operator", { slug: "fin", reason: "a late merge was missed" });
    // cat is in no team: 100 + the hard 1000 merged 04-10 = 1100; ann's and bob's rows keep their pre-team 300 and 100.
    expect(await totalsOf(h, season)).toEqual([
      { login: "ann", points: 300 },
      { login: "bob", points: 100 },
      { login: "cat", points: 1100 },
      { login: "staff", points: 300 },
    ]);
    expect(await h.db.select().from(seasonResults).where(eq(seasonResults.seasonId, season.id))).toEqual([]);
    expect(await getSeasonDetail(h.db, "fin")).toMatchObject({ final: false });
    expect((await getSeasonDetail(h.db, "fin"))!.prizes).toBeUndefined();
    const [a] = await h.db.select({ reason: auditEvents.reason }).from(auditEvents).where(and(eq(auditEvents.seasonId, season.id), eq(auditEvents.action, "season.reopen")));
    expect(a!.reason).toBe("a late merge was missed");
    expect((await refusal(runCommand(h.db, reopenSeason, "operator", { slug: "fin", reason: "again please" }))).message).toContain("not final");
  });
});
