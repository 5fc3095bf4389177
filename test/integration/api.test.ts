import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { participants, pullRequests } from "@/db/schema";
import { ZHealth, ZLeaderboard, ZParticipant, ZSeasonList } from "@/lib/api/schemas";
import { seedDemo } from "@/demo/program/seed";
import { awardPoints } from "@/lib/commands/award-points";
import { runCommand } from "@/lib/commands/command";
import { createParticipant } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));

const health = await import("@/app/api/health/route");
const seasonsRoute = await import("@/app/api/seasons/route");
const leaderboard = await import("@/app/api/seasons/[slug]/leaderboard/route");
const csv = await import("@/app/api/seasons/[slug]/leaderboard.csv/route");
const participant = await import("@/app/api/participants/[login]/route");
const badge = await import("@/app/api/participants/[login]/badge.svg/route");

const req = (path: string) => new Request(`http://podium.test${path}`);
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
const loginParams = (login: string) => ({ params: Promise.resolve({ login }) });

describe.each(DRIVERS)("the public API on %s", (kind) => {
  beforeAll(async () => {
    state.handle = await freshDatabase(kind);
    await seedDemo(state.handle.db);
  });
  afterAll(async () => {
    await state.handle?.close();
  });

  it("GET /api/health names the database", async () => {
    const res = await health.GET();
    expect(ZHealth.parse(await res.json())).toEqual({ ok: true, db: kind });
  });

  it("GET /api/seasons lists the seasons", async () => {
    const res = await seasonsRoute.GET();
    const body = ZSeasonList.parse(await res.json());
    expect(body.map((s) => s.slug)).toEqual(["2020-s2", "2019-s1"]);
    expect(res.headers.get("cache-control")).toMatch(/s-maxage/);
  });

  it("GET leaderboard: competition ranks, ties by who got there first, every difficulty", async () => {
    const res = await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?limit=100"), slugParams("2020-s2"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/public/);
    const body = ZLeaderboard.parse(await res.json());
    expect(body.season).toEqual({ slug: "2020-s2", name: "Challenge Program Season 2" });
    expect(body.total).toBe(body.entries.length);
    const ranked = body.entries.filter((e) => e.rank !== null);
    ranked.forEach((e, i) => {
      const prev = ranked[i - 1];
      if (!prev) return expect(e.rank).toBe(1);
      if (prev.score === e.score) expect(e.rank).toBe(prev.rank);
      else expect(e.rank).toBe(i + 1);
    });
    expect(ranked.some((e, i) => i > 0 && ranked[i - 1]!.score === e.score)).toBe(true);
    for (const e of body.entries) expect(Object.keys(e.byDifficulty)).toEqual(expect.arrayContaining(["easy", "medium", "hard"]));
    // Staff are listed without a rank.
    expect(body.entries.find((e) => e.login === "staff-runner")?.rank ?? null).toBeNull();
  });

  it("GET leaderboard pages and filters by repository", async () => {
    const all = ZLeaderboard.parse(await (await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?limit=100"), slugParams("2020-s2"))).json());
    const page = ZLeaderboard.parse(await (await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?limit=5&offset=5"), slugParams("2020-s2"))).json());
    expect(page.entries).toEqual(all.entries.slice(5, 10));
    expect(page.total).toBe(all.total);
    const pd = ZLeaderboard.parse(await (await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?repo=pingcap/pd"), slugParams("2020-s2"))).json());
    expect(pd.entries.length).toBeGreaterThan(0);
    expect(pd.entries.length).toBeLessThan(all.entries.length);
  });

  it.each([
    ["limit=0", /limit: expected a whole number from 1 to 1000/],
    ["limit=abc", /limit/],
    ["offset=-1", /offset/],
    ["repo=notarepo", /repo: expected owner\/name/],
    ["color=red", /unknown parameter: color/],
  ])("GET leaderboard?%s is a 400 with the reason", async (query, reason) => {
    const res = await leaderboard.GET(req(`/api/seasons/2020-s2/leaderboard?${query}`), slugParams("2020-s2"));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(reason);
  });

  it("an unknown season is a 404 with a reason", async () => {
    for (const slug of ["nope", "../etc"]) {
      const res = await leaderboard.GET(req(`/api/seasons/${slug}/leaderboard`), slugParams(slug));
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/unknown season/) });
    }
  });

  it("GET leaderboard.csv has the same rows, and neutralises formulas", async () => {
    await createParticipant(state.handle!.db, { login: "csv-probe", name: "=HYPERLINK(\"http://evil\")", githubId: 9_191_919 });
    const res = await csv.GET(req("/api/seasons/2020-s2/leaderboard.csv"), slugParams("2020-s2"));
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^rank,login,name,score,tasks,easy_tasks,easy_score/);
    const json = ZLeaderboard.parse(await (await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?limit=1000"), slugParams("2020-s2"))).json());
    expect(lines.length - 1).toBe(json.entries.length);
    expect(lines[1]).toMatch(new RegExp(`^1,${json.entries[0]!.login},`));
  });

  it("GET /api/participants/{login} returns seasons with completed tasks and their PRs", async () => {
    const res = await participant.GET(req("/api/participants/raftwalker"), loginParams("raftwalker"));
    const body = ZParticipant.parse(await res.json());
    expect(body.login).toBe("raftwalker");
    expect(body.seasons.map((s) => s.slug)).toEqual(["2020-s2", "2019-s1"]);
    const s2 = body.seasons[0]!;
    // First since the revised team rule took the team members' points off their own rows.
    expect(s2.rank).toBe(1);
    expect(s2.completed.length).toBeGreaterThan(3);
    expect(s2.completed.every((c) => c.pullRequests.length > 0)).toBe(true);
    // Case-insensitive login, and unknown logins are 404s.
    expect((await participant.GET(req("/api/participants/RaftWalker"), loginParams("RaftWalker"))).status).toBe(200);
    const missing = await participant.GET(req("/api/participants/nobody-here"), loginParams("nobody-here"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "unknown participant: nobody-here" });
  });

  it("GET badge.svg shows rank and score, escaped", async () => {
    const res = await badge.GET(req("/api/participants/raftwalker/badge.svg?season=2020-s2"), loginParams("raftwalker"));
    expect(res.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain("Podium 2020-s2");
    expect(svg).toMatch(/#1 · \d+ pts/);
    expect((await badge.GET(req("/api/participants/raftwalker/badge.svg?season=<x>"), loginParams("raftwalker"))).status).toBe(400);
    expect((await badge.GET(req("/api/participants/raftwalker/badge.svg?season=1999-s0"), loginParams("raftwalker"))).status).toBe(404);
  });

  it("a score change shows in the API at once when made here, and within a second when another process made it", async () => {
    const db = state.handle!.db;
    const top = async () => ZLeaderboard.parse(await (await leaderboard.GET(req("/api/seasons/2020-s2/leaderboard?limit=3"), slugParams("2020-s2"))).json()).entries[0]!;
    const score = async (login: string) => ZParticipant.parse(await (await participant.GET(req(`/api/participants/${login}`), loginParams(login))).json()).seasons.find((x) => x.slug === "2020-s2")!.score;
    const top1 = await top();
    const first = { ...top1, login: top1.login! };
    expect(await top()).toEqual(top1); // cached
    const [pr] = await db
      .select({ id: pullRequests.id })
      .from(pullRequests)
      .innerJoin(participants, eq(participants.id, pullRequests.authorId))
      .where(and(eq(participants.login, first.login), isNotNull(pullRequests.mergedAt)))
      .limit(1);
    const admin = { userId: "u-admin", participantId: null, login: "cp-organizer", isAdmin: true, maintainerOf: [] };
    await runCommand(db, awardPoints, admin, { season: "2020-s2", pullRequestId: pr!.id, points: 5, reason: "visible at once" });
    expect((await top()).score).toBe(first.score + 5);
    expect(await score(first.login)).toBe(first.score + 5);

    // Another process (the CLI, another instance) writes the totals: no invalidation reaches this one.
    await db.execute(sql`update season_totals set points = points + 7 where participant_id = (select id from participants where login = ${first.login}) and season_id = (select id from seasons where slug = '2020-s2')`);
    const started = Date.now();
    while ((await top()).score !== first.score + 12) {
      expect(Date.now() - started).toBeLessThan(3000); // the micro-cache lives 500 ms; the rest is margin for a loaded machine
      await new Promise((r) => setTimeout(r, 25));
    }
    // The profile has a micro-cache of its own, filled at its own time: it follows within its lifetime too.
    while ((await score(first.login)) !== first.score + 12) {
      expect(Date.now() - started).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 25));
    }
  });
});
