/**
 * Issue #14, item 2: real data read right. Through the fake GitHub (which pages comment connections and prices
 * queries as GitHub does): a maintainer's `/reward` followed by a burst of CI bot comments still counts, and the
 * profile lists under a task only the pull requests that count in that season's window.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { participants, seasons, seasonTotals } from "@/db/schema";
import type { Fixture, FixtureComment, FixturePullRequest } from "@/demo/program/fixture";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { DEFAULT_SEASON_OPTIONS, type SeasonFile } from "@/lib/seasons/season-file";
import { runSync } from "@/lib/sync/run-sync";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerSnapshot } from "../harness/ledger-snapshot";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));
const participantRoute = await import("@/app/api/participants/[login]/route");

const REPO = "rd/alpha";
const BOT = "ci-robot[bot]";
const LOGINS = ["alice", "bob", "carol", "keeper"];

const base = {
  repos: [REPO],
  taskTitlePrefixes: [],
  difficulties: { easy: 100, medium: 300, hard: 1000 },
  rules: { caps: [], gates: [], stops: [] },
  maintainers: { [REPO]: ["keeper"] },
  teams: [],
  unranked: [],
};
/** Two seasons on one repository, as the real program ran them: the second's PRs are imported too. */
const S1: SeasonFile = { ...DEFAULT_SEASON_OPTIONS, ...base, slug: "rd-1", name: "Real data 1", startsAt: "2021-01-01T00:00:00Z", endsAt: "2021-06-30T00:00:00Z", taskLabels: ["task-1"], graceDays: 7 };
const S2: SeasonFile = { ...DEFAULT_SEASON_OPTIONS, ...base, slug: "rd-2", name: "Real data 2", startsAt: "2021-08-01T00:00:00Z", endsAt: "2021-12-31T00:00:00Z", taskLabels: ["task-2"], graceDays: 0 };

const at = (day: string, minutes = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

function pull(number: number, author: string, body: string, created: string, merged: string, comments: FixtureComment[] = []): FixturePullRequest {
  return {
    repo: REPO, number, title: `change ${number}`, body, labels: [], state: "MERGED", author,
    createdAt: at(created), updatedAt: at(merged, 60 * 24), mergedAt: at(merged), mergedBy: "keeper",
    closingIssues: [], comments,
  };
}

/** `before` CI bot comments, keeper's `/reward N`, then `after` more bot comments, a minute apart from the day's start. */
function burst(tag: string, day: string, before: number, points: number, after: number): FixtureComment[] {
  const bot = (i: number) => ({ id: `IC_rd_${tag}_bot_${i}`, author: BOT, body: `CI run ${i}: all checks passed`, createdAt: at(day, 1 + i) });
  const reward = { id: `IC_rd_${tag}_reward`, author: "keeper", body: `Thanks, nice work!\n/reward ${points}`, createdAt: at(day, 1 + before) };
  return [...Array.from({ length: before }, (_, i) => bot(i)), reward, ...Array.from({ length: after }, (_, i) => bot(before + 1 + i))];
}

function program(): Fixture {
  const users = LOGINS.map((login, i) => ({ login, databaseId: 7_700 + i, name: null, avatarUrl: `https://avatars.githubusercontent.com/u/${7_700 + i}?v=4`, type: "User" as const }));
  return {
    users: [...users, { login: BOT, databaseId: 7_799, name: null, avatarUrl: "https://avatars.githubusercontent.com/in/7799?v=4", type: "Bot" }],
    repos: [{ nameWithOwner: REPO, databaseId: 770_000, description: REPO }],
    issues: [1, 2].map((number) => ({
      repo: REPO, number, title: `Task ${number}`, body: "Something to do.", labels: ["task-1", number === 1 ? "difficulty/easy" : "difficulty/medium"],
      state: "OPEN" as const, author: "keeper", createdAt: at("2021-01-02"), updatedAt: at("2021-01-03"), closedAt: null,
    })),
    pullRequests: [
      // The reward, then 100 bot comments: it is not among the last 100 (it is the first comment).
      pull(10, "alice", "Close #1", "2021-02-01", "2021-02-02", burst("a", "2021-02-03", 0, 50, 100)),
      // 150 bot comments, the reward, 100 more: neither among the first 100 nor the last 100.
      pull(14, "carol", "A change", "2021-02-05", "2021-02-06", burst("c", "2021-02-07", 150, 70, 100)),
      // bob: alpha#2 in the window, a follow-up inside the grace days, another merged in season 2.
      pull(11, "bob", "Close #2", "2021-03-01", "2021-03-02"),
      pull(13, "bob", "Follow-up for #2", "2021-06-20", "2021-07-03"),
      pull(12, "bob", "More on #2", "2021-08-10", "2021-09-01"),
    ],
    seasons: [],
    admins: [],
    demoIdentities: [],
  };
}

/** A client that counts the queries it sends, by operation name. */
function countingClient(fake: FakeGitHub, counts: Map<string, number>): GitHubClient {
  const real = createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {} });
  return {
    stats: real.stats,
    query: async (text: string, vars: Record<string, unknown> = {}) => {
      const op = /^\s*query\s+(\w+)/.exec(text)?.[1] ?? "anonymous";
      counts.set(op, (counts.get(op) ?? 0) + 1);
      return real.query(text, vars);
    },
  } as GitHubClient;
}

async function pointsOf(db: Db, slug: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ login: participants.login, points: seasonTotals.points })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .innerJoin(seasons, eq(seasons.id, seasonTotals.seasonId))
    .where(eq(seasons.slug, slug));
  return Object.fromEntries(rows.filter((r) => r.points !== 0).map((r) => [r.login, r.points]));
}

describe.each(DRIVERS)("real data read right on %s", (kind) => {
  let fake: FakeGitHub;
  const counts = new Map<string, number>();
  const sync = () => runSync(state.handle!.db, { client: countingClient(fake, counts), trigger: "test", webBase: fake.url });

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program() });
    state.handle = await freshDatabase(kind);
    await applySeasons(state.handle.db, [S1, S2]);
    await sync();
  });
  afterAll(async () => {
    await state.handle?.close();
    await fake?.close();
  });

  it("a /reward followed by 100 bot comments, or buried in 250, still gets its points, for one extra query", async () => {
    // alice: 50 from the reward (it replaces alpha#1's 100); carol: 70; bob: 300 for alpha#2, once.
    expect(await pointsOf(state.handle!.db, "rd-1")).toEqual({ alice: 50, bob: 300, carol: 70 });
    // The rewards search holds each PR's first and last 100 comments; carol's middle page costs one query.
    expect(counts.get("PodiumRewardComments")).toBe(1);
  });

  it("an incremental re-sync adds nothing, also when the rewarded PR changed and is read again", async () => {
    const db = state.handle!.db;
    const before = await ledgerSnapshot(db);
    const unchanged = await sync();
    expect(unchanged.entries).toBe(0);
    const pr = fake.fixture.pullRequests.find((p) => p.number === 14)!;
    pr.comments.push({ id: "IC_rd_bot_late", author: BOT, body: "CI run again: passed", createdAt: at("2021-03-01") });
    pr.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    fake.touch();
    counts.clear();
    const again = await sync();
    expect(again.pullRequests).toBeGreaterThanOrEqual(1);
    expect(counts.get("PodiumRewardComments")).toBe(1);
    expect(again.entries).toBe(0);
    expect(await ledgerSnapshot(db)).toEqual(before);
    expect(await pointsOf(db, "rd-1")).toEqual({ alice: 50, bob: 300, carol: 70 });
  });

  it("the profile lists under a task only the PRs that count in its season's window (grace included)", async () => {
    const res = await participantRoute.GET(new Request("http://podium.test/api/participants/bob"), { params: Promise.resolve({ login: "bob" }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { seasons: { slug: string; completed: { number: number; pullRequests: { number: number }[] }[] }[] };
    const s1 = body.seasons.find((s) => s.slug === "rd-1");
    expect(s1?.completed.map((c) => [c.number, c.pullRequests.map((p) => p.number)])).toEqual([[2, [11, 13]]]);
  });
});
