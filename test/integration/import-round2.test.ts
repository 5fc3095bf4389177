/**
 * Issue #14, the import side: through the fake GitHub, a season with a companion repository (`tikv/titan`, whose
 * PRs complete `tikv/tikv`'s tasks), a renamed repository referenced by its old name (`pingcap/pd` → `tikv/pd`),
 * an umbrella from the season file (`pingcap/tidb#12105`, no task label) and an issue a maintainer marks as a task
 * from the web. Links, tasks and ledger totals are worked out by hand below.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditEvents, participants, pullRequests, pullRequestTasks, repositories, scoreEntries, seasons, seasonTotals, syncCursors, tasks } from "@/db/schema";
import type { Fixture, FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import type { Viewer } from "@/lib/auth/permissions";
import { createGitHubClient } from "@/lib/github/client";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { DEFAULT_SEASON_OPTIONS, type SeasonFile } from "@/lib/seasons/season-file";
import { runSync } from "@/lib/sync/run-sync";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null, viewer: null as Viewer | null, fakeUrl: "" }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => state.viewer, auth: async () => null }));
vi.mock("@/lib/github/endpoints", () => ({
  githubEndpoints: async () => ({ webUrl: state.fakeUrl, apiUrl: `${state.fakeUrl}/api/v3`, graphqlUrl: `${state.fakeUrl}/graphql`, token: "t", demo: false }),
}));
const { markTaskAction } = await import("@/app/_actions/mark-task");
const { unmarkTaskAction } = await import("@/app/_actions/unmark-task");

const LABEL = "challenge-program";
const SEASON: SeasonFile = {
  ...DEFAULT_SEASON_OPTIONS,
  slug: "r2-import",
  name: "Round two import",
  startsAt: "2020-03-02T00:00:00Z",
  endsAt: "2020-05-30T00:00:00Z",
  repos: ["tikv/tikv", "tikv/pd", "pingcap/tidb"],
  taskLabels: [LABEL],
  taskTitlePrefixes: [],
  difficulties: { easy: 100, medium: 300, hard: 1000 },
  rules: { caps: [], gates: [], stops: [] },
  graceDays: 0,
  maintainers: { "pingcap/tidb": ["tidb-keeper"] },
  teams: [],
  unranked: [],
  companionRepos: ["tikv/titan"],
  formerNames: { "tikv/pd": ["pingcap/pd"] },
  umbrellas: [{ issue: "pingcap/tidb#12105", points: 50, difficulty: "easy" }],
};
const LOGINS = ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "tidb-keeper"];

function issue(repo: string, number: number, labels: string[]): FixtureIssue {
  return { repo, number, title: `Issue ${number}`, body: "To do.", labels, state: "OPEN", author: "tidb-keeper", createdAt: "2020-03-01T00:00:00Z", updatedAt: "2020-03-01T01:00:00Z", closedAt: null };
}
function pull(repo: string, number: number, author: string, body: string, merged: string, labels: string[] = []): FixturePullRequest {
  return {
    repo, number, title: `Change ${number}`, body, labels, state: "MERGED", author, createdAt: "2020-03-03T00:00:00Z",
    updatedAt: `${merged}T01:00:00Z`, mergedAt: `${merged}T00:00:00Z`, mergedBy: "tidb-keeper", closingIssues: [], comments: [],
  };
}

function program(): Fixture {
  const repos = ["tikv/tikv", "tikv/pd", "pingcap/tidb", "tikv/titan"];
  return {
    users: LOGINS.map((login, i) => ({ login, databaseId: 8_800 + i, name: null, avatarUrl: `https://avatars.githubusercontent.com/u/${8_800 + i}?v=4`, type: "User" as const })),
    repos: repos.map((nameWithOwner, i) => ({ nameWithOwner, databaseId: 880_000 + i, description: nameWithOwner })),
    issues: [
      issue("tikv/tikv", 5739, [LABEL, "difficulty/medium"]),
      issue("tikv/tikv", 5800, [LABEL, "difficulty/easy"]),
      issue("tikv/pd", 123, [LABEL, "difficulty/easy"]),
      // The umbrella: no task label, a difficulty label the file's difficulty wins over.
      issue("pingcap/tidb", 12105, ["type/enhancement", "difficulty/hard"]),
      // Marked by a maintainer during the season.
      issue("pingcap/tidb", 200, ["type/bug"]),
      // Listed as an umbrella only later in the season.
      issue("tikv/tikv", 77, ["type/tracking"]),
    ],
    pullRequests: [
      pull("tikv/titan", 121, "alice", "Fixes tikv/tikv#5739", "2020-03-10"),
      pull("tikv/pd", 400, "bob", "close pingcap/pd#123", "2020-03-11"),
      pull("pingcap/tidb", 500, "carol", "Part of #12105", "2020-03-12"),
      pull("pingcap/tidb", 501, "dave", "Another step of pingcap/tidb#12105", "2020-03-13"),
      pull("pingcap/tidb", 502, "erin", "close #200", "2020-03-14"),
      // Spam from a companion repository: its label is stored (the engine voids it).
      pull("tikv/titan", 130, "frank", "Typo fix", "2020-03-15", ["invalid"]),
      pull("tikv/tikv", 600, "gina", "Step one of #77", "2020-03-16"),
    ],
    seasons: [],
    admins: [],
    demoIdentities: [],
  };
}

async function pointsOf(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ login: participants.login, points: seasonTotals.points })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .innerJoin(seasons, eq(seasons.id, seasonTotals.seasonId))
    .where(eq(seasons.slug, SEASON.slug));
  return Object.fromEntries(rows.filter((r) => r.points !== 0).map((r) => [r.login, r.points]));
}

/** Every PR → task link, as `prRepo#N → taskRepo#N`. */
async function links(db: Db): Promise<string[]> {
  const rows = await db
    .select({ prRepo: repositories.fullName, pr: pullRequests.number, taskId: pullRequestTasks.taskId })
    .from(pullRequestTasks)
    .innerJoin(pullRequests, eq(pullRequests.id, pullRequestTasks.pullRequestId))
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId));
  const taskRows = await db.select({ id: tasks.id, repo: repositories.fullName, number: tasks.number }).from(tasks).innerJoin(repositories, eq(repositories.id, tasks.repositoryId));
  return rows.map((r) => {
    const t = taskRows.find((x) => x.id === r.taskId)!;
    return `${r.prRepo}#${r.pr} → ${t.repo}#${t.number}`;
  }).sort();
}

async function taskOf(db: Db, repo: string, number: number) {
  const [row] = await db
    .select({ task: tasks })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(eq(repositories.fullName, repo), eq(tasks.number, number)));
  return row?.task;
}

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe.each(DRIVERS)("round two import through the fake GitHub on %s", (kind) => {
  let fake: FakeGitHub;
  const sync = () => runSync(state.handle!.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {} }), trigger: "test", webBase: fake.url });

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program() });
    state.fakeUrl = fake.url;
    state.handle = await freshDatabase(kind);
    await applySeasons(state.handle.db, [SEASON]);
  });
  afterAll(async () => {
    await state.handle?.close();
    await fake?.close();
  });

  it("a full import: companion PRs complete the listed repository's tasks, old names link, the umbrella pays each PR", async () => {
    const summary = await sync();
    expect(summary.problems).toEqual([]);
    const db = state.handle!.db;
    expect(await links(db)).toEqual([
      "pingcap/tidb#500 → pingcap/tidb#12105",
      "pingcap/tidb#501 → pingcap/tidb#12105",
      "tikv/pd#400 → tikv/pd#123",
      "tikv/titan#121 → tikv/tikv#5739",
    ]);
    // alice: medium 300 by a titan PR; bob: easy 100 by the old name; carol, dave: the umbrella's 50 each.
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50 });
    const umbrella = await taskOf(db, "pingcap/tidb", 12105);
    expect(umbrella).toMatchObject({ active: true, perPr: true, listedUmbrella: true, score: 50, difficulty: "easy", scoreSource: "override" });
    // The companion repository holds no tasks, and has a watermark of its own.
    const [titan] = await db.select().from(repositories).where(eq(repositories.fullName, "tikv/titan"));
    expect(await db.select().from(tasks).where(eq(tasks.repositoryId, titan!.id))).toEqual([]);
    expect(await db.select().from(syncCursors).where(eq(syncCursors.repositoryId, titan!.id))).toHaveLength(1);
    // alice's award is for the tikv/tikv task, through the tikv/titan PR (the link row's two sides, above).
    const [entry] = await db
      .select({ task: tasks.number, pr: pullRequests.number })
      .from(scoreEntries)
      .innerJoin(pullRequests, eq(pullRequests.id, scoreEntries.pullRequestId))
      .innerJoin(tasks, eq(tasks.id, scoreEntries.taskId))
      .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
      .where(eq(participants.login, "alice"));
    expect(entry).toEqual({ task: 5739, pr: 121 });
  });

  it("PR labels: a void label from the import is stored, and a webhook's other labels survive the next import", async () => {
    const db = state.handle!.db;
    const [spam] = await db.select().from(pullRequests).where(eq(pullRequests.number, 130));
    expect(spam!.labels).toEqual(["invalid"]);
    // A webhook says titan#130 also carries `needs-review`; GitHub's label then goes, and the import says so.
    const fx = fake.fixture.pullRequests.find((p) => p.number === 130)!;
    const payload = {
      action: "labeled",
      number: 130,
      pull_request: {
        number: 130, node_id: "PR_130", html_url: `${fake.url}/tikv/titan/pull/130`, title: fx.title, body: fx.body, state: "closed", merged: true,
        merged_at: fx.mergedAt, created_at: fx.createdAt, updated_at: "2020-03-15T02:00:00Z", user: { login: "frank", id: 8_805, type: "User" },
        merged_by: { login: "tidb-keeper", id: 8_807, type: "User" }, labels: [{ name: "invalid" }, { name: "needs-review" }],
      },
      repository: { full_name: "tikv/titan" },
    };
    const r = await handleDelivery(db, { deliveryId: "r2-label-1", event: "pull_request", payload, webBase: fake.url });
    expect(r.status).toBe(200);
    expect((await db.select().from(pullRequests).where(eq(pullRequests.number, 130)))[0]!.labels).toEqual(["invalid", "needs-review"]);
    fx.labels = ["needs-review"];
    fx.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    await sync();
    expect((await db.select().from(pullRequests).where(eq(pullRequests.number, 130)))[0]!.labels).toEqual(["needs-review"]);
  });

  it("a maintainer marks an issue as a task from the web: fetched from GitHub, linked to the PR that referenced it", async () => {
    const db = state.handle!.db;
    const [keeper] = await db.select().from(participants).where(eq(participants.login, "tidb-keeper"));
    state.viewer = { userId: "u-keeper", participantId: keeper!.id, login: "tidb-keeper", isAdmin: false, maintainerOf: ["pingcap/tidb"] };
    // Not a maintainer of tikv/tikv; an issue GitHub does not have.
    expect(await markTaskAction(null, form({ season: SEASON.slug, repo: "tikv/tikv", number: "5739", kind: "task", reason: "worth it" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await markTaskAction(null, form({ season: SEASON.slug, repo: "pingcap/tidb", number: "9999", kind: "task", reason: "worth it" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await markTaskAction(null, form({ season: SEASON.slug, repo: "tikv/titan", number: "1", kind: "task", reason: "worth it" }))).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { repo: expect.stringMatching(/not a repository of/) } });
    expect(await markTaskAction(null, form({ season: SEASON.slug, repo: "pingcap/tidb", number: "200", kind: "task", difficulty: "legendary", reason: "worth it" }))).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { difficulty: expect.stringMatching(/easy, hard, medium/) } });

    const marked = await markTaskAction(null, form({ season: SEASON.slug, repo: "pingcap/tidb", number: "200", kind: "task", points: "120", difficulty: "hard", reason: "a real bug, worth a task" }));
    expect(marked).toMatchObject({ ok: true });
    const task = await taskOf(db, "pingcap/tidb", 200);
    expect(task).toMatchObject({ title: "Issue 200", manual: true, active: true, perPr: false, score: 120, difficulty: "hard", labels: ["type/bug"] });
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50, erin: 120 });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "task.mark"), eq(auditEvents.taskId, task!.id)));
    expect(event).toMatchObject({ actorId: keeper!.id, reason: "a real bug, worth a task" });

    // The next full import keeps it (fetched by number: it has no task label), and its marks.
    await runSync(db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t" }), trigger: "test", full: true, webBase: fake.url });
    expect(await taskOf(db, "pingcap/tidb", 200)).toMatchObject({ manual: true, active: true, score: 120, difficulty: "hard" });
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50, erin: 120 });

    // Unmarked: no label, so no task any more; erin's award is taken back.
    expect(await unmarkTaskAction(null, form({ taskId: String(task!.id), reason: "not a challenge task after all" }))).toMatchObject({ ok: true });
    expect(await taskOf(db, "pingcap/tidb", 200)).toMatchObject({ manual: false, active: false });
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50 });
  });

  it("an incremental import reads the companion repository from its watermark", async () => {
    fake.fixture.pullRequests.push({ ...pull("tikv/titan", 140, "gina", "Resolves https://github.com/tikv/tikv/issues/5800", "2020-03-20"), updatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") });
    const summary = await sync();
    // The three listed repositories changed nothing since their watermarks; titan did.
    expect([summary.reposSkipped, summary.repos]).toEqual([3, 1]);
    expect(await pointsOf(state.handle!.db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50, gina: 100 });
  });

  it("the season file no longer lists the umbrella: it is un-marked and its awards are taken back", async () => {
    const db = state.handle!.db;
    await applySeasons(db, [{ ...SEASON, umbrellas: [] }]);
    expect(await taskOf(db, "pingcap/tidb", 12105)).toMatchObject({ active: false, perPr: false, listedUmbrella: false, scoreOverride: null });
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, gina: 100 });
    // Listed again: back, with its points.
    await applySeasons(db, [SEASON]);
    expect(await taskOf(db, "pingcap/tidb", 12105)).toMatchObject({ active: true, perPr: true, listedUmbrella: true, score: 50, difficulty: "easy" });
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50, gina: 100 });
  });

  it("an umbrella the file lists later is fetched by the next incremental sync, though its repository changed nothing", async () => {
    const db = state.handle!.db;
    const later = { ...SEASON, umbrellas: [...SEASON.umbrellas, { issue: "tikv/tikv#77", points: 30 }] };
    await applySeasons(db, [later]);
    expect(await taskOf(db, "tikv/tikv", 77)).toBeUndefined();
    await sync();
    expect(await taskOf(db, "tikv/tikv", 77)).toMatchObject({ active: true, perPr: true, score: 30, title: "Issue 77" });
    // gina's tikv/tikv#600 referenced it: 30 more.
    expect(await pointsOf(db)).toEqual({ alice: 300, bob: 100, carol: 50, dave: 50, gina: 130 });
    await applySeasons(db, [SEASON]);
  });
});
