/**
 * Issue #8, item 2: what happens to writes that arrive while an import runs. A sync is paused between two of its
 * GitHub queries (a client whose query() waits on a promise the test controls, either before the query is sent or
 * after its answer came back, so the page it then stores is older than what happened meanwhile); webhook deliveries
 * (through `handleDelivery`, what the route calls once the signature is verified) and maintainer tools (the
 * functions the server actions call) run during the pause, and the fake GitHub is changed the same way, as GitHub
 * itself would be. Afterwards nothing may be lost or counted twice, a later sync changes nothing, and the totals
 * are what `scores rebuild` computes.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { participants, pullRequests, repositories, scoreEntries, seasons, seasonTotals, tasks, webhookDeliveries } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import type { Fixture, FixtureComment, FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { createGitHubClient, type GitHubClient } from "@/lib/github/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { DEFAULT_SEASON_OPTIONS, type SeasonFile } from "@/lib/seasons/season-file";
import { runSync, type SyncSummary } from "@/lib/sync/run-sync";
import { awardPoints } from "@/lib/commands/award-points";
import { runCommand } from "@/lib/commands/command";
import { revokeEntry } from "@/lib/commands/revoke-entry";
import { setTaskScore } from "@/lib/commands/set-task-score";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { fixtureCommentEvent, fixtureIssueEvent, fixturePullEvent } from "../factories/webhooks";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerRows, ledgerSnapshot } from "../harness/ledger-snapshot";

// ─── The program: one season, three repositories, a few tasks and merged pull requests ───────────────────────────

const SLUG = "conc";
const ALPHA = "conc/alpha";
const BETA = "conc/beta";
const GAMMA = "conc/gamma";
const LOGINS = ["alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "keeper"] as const;
const githubId = (login: string) => {
  const i = (LOGINS as readonly string[]).indexOf(login);
  if (i < 0) throw new Error(`no GitHub id for ${login}`);
  return 4_100 + i;
};

const SEASON: SeasonFile = {
  ...DEFAULT_SEASON_OPTIONS,
  slug: SLUG,
  name: "Concurrency",
  startsAt: "2021-01-01T00:00:00Z",
  endsAt: "2021-12-31T00:00:00Z",
  repos: [ALPHA, BETA, GAMMA],
  taskLabels: ["task"],
  taskTitlePrefixes: [],
  difficulties: { easy: 100, medium: 300, hard: 1000 },
  rules: { caps: [], gates: [], stops: [] },
  graceDays: 0,
  maintainers: { [ALPHA]: ["keeper"], [BETA]: ["keeper"], [GAMMA]: ["keeper"] },
  teams: [],
  unranked: [],
};

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
const hour = (n: number) => new Date(Date.parse("2021-02-01T00:00:00Z") + n * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");

function issue(repo: string, number: number, labels: string[], at: number): FixtureIssue {
  return { repo, number, title: `Task ${repo}#${number}`, body: "Something to do.", labels, state: "OPEN", author: "keeper", createdAt: hour(at), updatedAt: hour(at + 1), closedAt: null };
}

function merged(repo: string, number: number, author: string, closes: number | null, at: number): FixturePullRequest {
  return {
    repo,
    number,
    title: `change ${repo}#${number}`,
    body: closes === null ? "A change." : `Close #${closes}`,
    labels: [],
    state: "MERGED",
    author,
    createdAt: hour(at),
    updatedAt: hour(at + 25),
    mergedAt: hour(at + 24),
    mergedBy: "keeper",
    closingIssues: closes === null ? [] : [closes],
    comments: [],
  };
}

/**
 * Before anything happens: alice 100 (alpha#1), hank 300 (alpha#4), carol 300 (beta#1), dave 100 (beta#3),
 * erin 100 (gamma#1); bob's PR references alpha#3 and hank's beta#13 references beta#4, neither a task yet.
 */
function program(): Fixture {
  return {
    users: LOGINS.map((login) => ({ login, databaseId: githubId(login), name: null, avatarUrl: `https://avatars.githubusercontent.com/u/${githubId(login)}?v=4`, type: "User" as const })),
    repos: [ALPHA, BETA, GAMMA].map((nameWithOwner, i) => ({ nameWithOwner, databaseId: 880_000 + i, description: nameWithOwner })),
    issues: [
      issue(ALPHA, 1, ["task", "difficulty/easy"], 1),
      issue(ALPHA, 2, ["task", "difficulty/medium"], 2),
      issue(ALPHA, 3, ["enhancement"], 3),
      issue(ALPHA, 4, ["task", "difficulty/medium"], 4),
      issue(BETA, 1, ["task", "difficulty/medium"], 5),
      issue(BETA, 2, ["task", "difficulty/hard"], 6),
      issue(BETA, 3, ["task", "difficulty/easy"], 7),
      issue(BETA, 4, ["enhancement"], 8),
      issue(GAMMA, 1, ["task", "difficulty/easy"], 9),
    ],
    pullRequests: [
      merged(ALPHA, 10, "alice", 1, 100),
      merged(ALPHA, 11, "bob", 3, 101),
      merged(ALPHA, 13, "hank", 4, 102),
      merged(BETA, 10, "carol", 1, 103),
      merged(BETA, 11, "dave", 3, 104),
      merged(BETA, 13, "hank", 4, 105),
      merged(GAMMA, 10, "erin", 1, 106),
    ],
    seasons: [],
    admins: ["keeper"],
    demoIdentities: [],
  };
}

/** GitHub changes: the fake's live fixture is edited the way GitHub would be (updatedAt moves to now). */
function putIssue(fake: FakeGitHub, next: FixtureIssue) {
  const list = fake.fixture.issues;
  const i = list.findIndex((x) => x.repo === next.repo && x.number === next.number);
  if (i >= 0) list[i] = next;
  else list.push(next);
  fake.touch();
  return next;
}
function putPull(fake: FakeGitHub, next: FixturePullRequest) {
  const list = fake.fixture.pullRequests;
  const i = list.findIndex((x) => x.repo === next.repo && x.number === next.number);
  if (i >= 0) list[i] = next;
  else list.push(next);
  fake.touch();
  return next;
}
const issueOf = (fake: FakeGitHub, repo: string, number: number) => fake.fixture.issues.find((x) => x.repo === repo && x.number === number)!;
const pullOf = (fake: FakeGitHub, repo: string, number: number) => fake.fixture.pullRequests.find((x) => x.repo === repo && x.number === number)!;

// ─── A sync that stops where the test says ─────────────────────────────────────────────────────────────────────

type Pause = {
  /** Which query (by its search string `q`) to stop at; the first match only. */
  match: (q: string) => boolean;
  /** "before": the query is sent once released (its page is fresh); "after": its answer is held (a stale page). */
  when: "before" | "after";
  hit: boolean;
  reached: Promise<void>;
  arrive: () => void;
  gate: Promise<void>;
  release: () => void;
};

function pauseAt(match: (q: string) => boolean, when: "before" | "after"): Pause {
  let arrive = () => {};
  let release = () => {};
  const reached = new Promise<void>((r) => (arrive = r));
  const gate = new Promise<void>((r) => (release = r));
  return { match, when, hit: false, reached, arrive, gate, release };
}

const issuesOf = (repo: string) => (q: string) => q.includes(`repo:${repo} `) && /\bis:issue\b/.test(q);
const pullsOf = (repo: string) => (q: string) => q.includes(`repo:${repo} `) && /\bis:pr\b/.test(q) && !q.includes("/reward");

function pausingClient(url: string, pauses: Pause[]): GitHubClient {
  const real = createGitHubClient({ url, token: "t", sleep: async () => {} });
  return {
    stats: real.stats,
    query: async (text: string, vars: Record<string, unknown> = {}) => {
      const q = typeof vars.q === "string" ? vars.q : "";
      const p = pauses.find((x) => !x.hit && x.match(q));
      if (!p) return real.query(text, vars);
      p.hit = true;
      if (p.when === "before") {
        p.arrive();
        await p.gate;
        return real.query(text, vars);
      }
      const data = await real.query(text, vars);
      p.arrive();
      await p.gate;
      return data;
    },
  } as GitHubClient;
}

/**
 * Runs a sync up to the pause, runs `meanwhile`, then lets the sync finish. The sync is always released (and
 * awaited) so a failing assertion does not leave it hanging on the database.
 */
async function syncWith(db: Db, fake: FakeGitHub, pause: Pause, meanwhile: () => Promise<void>, opts: { full?: boolean } = {}): Promise<SyncSummary> {
  // One repository fetched at a time (#17 fetches several ahead of the writes): the pauses name the query the
  // sync stops at, and what the test checks meanwhile is what was written before it, as a serial import orders it.
  const run = runSync(db, { client: pausingClient(`${fake.url}/graphql`, [pause]), trigger: "test", webBase: fake.url, full: opts.full, concurrency: 1 });
  const ended = run.then(
    () => "ended" as const,
    () => "ended" as const,
  );
  try {
    const first = await Promise.race([pause.reached.then(() => "paused" as const), ended]);
    if (first !== "paused") throw new Error("the sync ended without reaching the pause: the query matcher no longer matches fetch.ts's searches");
    await meanwhile();
  } finally {
    pause.release();
    await ended;
  }
  return run;
}

const plainSync = (db: Db, fake: FakeGitHub, full = false) => runSync(db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {} }), trigger: "test", webBase: fake.url, full });

// ─── Reading the database ──────────────────────────────────────────────────────────────────────────────────────

/** Net points per participant and task (`login repo#n`, or `login -` for entries with no task), zeros left out. */
async function netByTask(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ login: participants.login, repo: repositories.fullName, task: tasks.number, points: scoreEntries.points })
    .from(scoreEntries)
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .leftJoin(tasks, eq(tasks.id, scoreEntries.taskId))
    .leftJoin(repositories, eq(repositories.id, tasks.repositoryId));
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = r.task === null ? `${r.login} -` : `${r.login} ${r.repo}#${r.task}`;
    out[k] = (out[k] ?? 0) + r.points;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** Season points per login, from the stored totals, zeros left out. */
async function totals(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ login: participants.login, points: seasonTotals.points })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .innerJoin(seasons, eq(seasons.id, seasonTotals.seasonId))
    .where(eq(seasons.slug, SLUG));
  return Object.fromEntries(rows.filter((r) => r.points !== 0).map((r) => [r.login, r.points] as const).sort(([a], [b]) => a.localeCompare(b)));
}

/** Importer award families holding more than one `award` entry, or tasks paid to more than one author: none expected. */
async function doubleCounts(db: Db): Promise<string[]> {
  const rows = await db
    .select({ key: scoreEntries.awardKey, login: participants.login, kind: scoreEntries.kind, taskId: scoreEntries.taskId, points: scoreEntries.points })
    .from(scoreEntries)
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .where(sql`${scoreEntries.awardKey} is not null`);
  const awards = new Map<string, number>();
  const netPerTaskAuthor = new Map<string, number>();
  for (const r of rows) {
    if (r.kind === "award") awards.set(`${r.key}|${r.login}`, (awards.get(`${r.key}|${r.login}`) ?? 0) + 1);
    if (r.taskId !== null && !r.key!.includes(":reward:")) netPerTaskAuthor.set(`${r.taskId}|${r.login}`, (netPerTaskAuthor.get(`${r.taskId}|${r.login}`) ?? 0) + r.points);
  }
  const paidAuthors = new Map<number, string[]>();
  for (const [k, net] of netPerTaskAuthor) {
    if (net === 0) continue;
    const [taskId, login] = k.split("|");
    paidAuthors.set(Number(taskId), [...(paidAuthors.get(Number(taskId)) ?? []), login!]);
  }
  return [
    ...[...awards].filter(([, n]) => n > 1).map(([k, n]) => `${k}: ${n} award entries`),
    ...[...paidAuthors].filter(([, logins]) => logins.length > 1).map(([t, logins]) => `task ${t} paid to ${logins.join(", ")}`),
  ];
}

async function taskRow(db: Db, repo: string, number: number) {
  const [row] = await db
    .select({ task: tasks })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(sql`lower(${repositories.fullName}) = ${repo.toLowerCase()}`, eq(tasks.number, number)));
  return row?.task;
}

async function pullRow(db: Db, repo: string, number: number) {
  const [row] = await db
    .select({ pr: pullRequests })
    .from(pullRequests)
    .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
    .where(and(sql`lower(${repositories.fullName}) = ${repo.toLowerCase()}`, eq(pullRequests.number, number)));
  return row?.pr;
}

const rebuildDrift = async (db: Db) => (await rebuildTotals(db)).flatMap((r) => r.differences.map((d) => `${r.season} ${d.login}: ${d.before} → ${d.after}`));

/** `ledgerSnapshot` without the all-zero totals rows left behind by points granted then revoked (a clean import has none). */
async function snapshot(db: Db) {
  const s = await ledgerSnapshot(db);
  return { ...s, totals: s.totals.filter((t) => t.points !== 0 || t.rawPoints !== 0 || t.tasks !== 0) };
}

/** The ledger a clean database gets from one full import of what GitHub (the fake) now holds. */
async function referenceOf(kind: Parameters<typeof freshDatabase>[0], fake: FakeGitHub) {
  const ref = await freshDatabase(kind);
  try {
    await applySeasons(ref.db, [SEASON]);
    await plainSync(ref.db, fake);
    return { snapshot: await snapshot(ref.db), net: await netByTask(ref.db), totals: await totals(ref.db) };
  } finally {
    await ref.close();
  }
}

// ─── The tests ─────────────────────────────────────────────────────────────────────────────────────────────────

describe.each(DRIVERS)("writes during a sync on %s", (kind) => {
  async function setup(): Promise<{ h: DbHandle; fake: FakeGitHub; deliver: (event: string, payload: unknown, id?: string) => Promise<void>; close: () => Promise<void> }> {
    const fake = await startFakeGitHub({ fixture: program() });
    const h = await freshDatabase(kind);
    await applySeasons(h.db, [SEASON]);
    let n = 0;
    const deliver = async (event: string, payload: unknown, id?: string) => {
      const r = await handleDelivery(h.db, { deliveryId: id ?? `conc-${++n}`, event, payload, webBase: fake.url });
      expect(r.status).toBe(200);
    };
    return {
      h,
      fake,
      deliver,
      close: async () => {
        await h.close();
        await fake.close();
      },
    };
  }

  for (const when of ["before", "after"] as const) {
    it(`webhooks delivered while a sync is paused between repositories (page ${when === "before" ? "fetched after" : "fetched before"} them) lose nothing and count nothing twice`, async () => {
      const { h, fake, deliver, close } = await setup();
      try {
        // The first import stops before storing beta's pull requests: alpha (issues and PRs) is done, beta and gamma are not.
        await syncWith(h.db, fake, pauseAt(pullsOf(BETA), when), async () => {
          // A PR merged in a repository the sync already passed, completing alpha#2 (medium).
          const frank = putPull(fake, { ...merged(ALPHA, 12, "frank", 2, 200), updatedAt: nowIso() });
          await deliver("pull_request", fixturePullEvent("closed", frank, githubId), "conc-frank");
          // GitHub redelivers it: handled once.
          await deliver("pull_request", fixturePullEvent("closed", frank, githubId), "conc-frank");
          // alpha#3 becomes a hard task: bob's PR, stored by the sync already, now scores.
          const a3 = putIssue(fake, { ...issueOf(fake, ALPHA, 3), labels: ["task", "difficulty/hard"], updatedAt: nowIso() });
          await deliver("issues", fixtureIssueEvent("labeled", a3, githubId));
          // A maintainer's /reward on alice's PR (already imported) replaces the task's award.
          const comment: FixtureComment = { id: "IC_conc_reward_1", author: "keeper", body: "Great work\n/reward 250", createdAt: nowIso() };
          const a10 = putPull(fake, { ...pullOf(fake, ALPHA, 10), comments: [comment], updatedAt: nowIso() });
          await deliver("issue_comment", fixtureCommentEvent(a10, comment, 9_001, githubId));
          // A PR merged in a repository the sync has not reached yet, completing beta#2 (hard).
          const gina = putPull(fake, { ...merged(BETA, 12, "gina", 2, 201), updatedAt: nowIso() });
          await deliver("pull_request", fixturePullEvent("closed", gina, githubId));
          // beta#4 becomes a task before the sync stores hank's beta#13 that closes it.
          const b4 = putIssue(fake, { ...issueOf(fake, BETA, 4), labels: ["task", "difficulty/medium"], updatedAt: nowIso() });
          await deliver("issues", fixtureIssueEvent("labeled", b4, githubId));

          // The webhooks took effect at once, mid-sync (hank's alpha#4 came from the sync itself).
          expect(await totals(h.db)).toEqual({ alice: 250, bob: 1000, frank: 300, gina: 1000, hank: 300 });
        });

        const expectedNet = {
          [`alice ${ALPHA}#1`]: 250,
          [`bob ${ALPHA}#3`]: 1000,
          [`carol ${BETA}#1`]: 300,
          [`dave ${BETA}#3`]: 100,
          [`erin ${GAMMA}#1`]: 100,
          [`frank ${ALPHA}#2`]: 300,
          [`gina ${BETA}#2`]: 1000,
          [`hank ${ALPHA}#4`]: 300,
          [`hank ${BETA}#4`]: 300,
        };
        const expectedTotals = { alice: 250, bob: 1000, carol: 300, dave: 100, erin: 100, frank: 300, gina: 1000, hank: 600 };
        expect(await pullRow(h.db, ALPHA, 12)).toMatchObject({ authorLogin: "frank", state: "merged" });
        expect(await pullRow(h.db, BETA, 12)).toMatchObject({ authorLogin: "gina", state: "merged" });
        expect(await taskRow(h.db, ALPHA, 3)).toMatchObject({ active: true, state: "completed", score: 1000 });
        expect(await taskRow(h.db, BETA, 4)).toMatchObject({ active: true, state: "completed", score: 300 });
        expect(await netByTask(h.db)).toEqual(expectedNet);
        expect(await totals(h.db)).toEqual(expectedTotals);
        expect(await doubleCounts(h.db)).toEqual([]);
        const deliveries = await h.db.select({ id: webhookDeliveries.deliveryId, status: webhookDeliveries.status }).from(webhookDeliveries);
        expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill("done"));
        expect(await rebuildDrift(h.db)).toEqual([]);

        // Same as a clean import of what GitHub now holds.
        const reference = await referenceOf(kind, fake);
        expect(reference.net).toEqual(expectedNet);
        expect(await snapshot(h.db)).toEqual(reference.snapshot);

        // A second sync (incremental, then full) finds nothing to change.
        const rows = await ledgerRows(h.db);
        expect((await plainSync(h.db, fake)).entries).toBe(0);
        expect((await plainSync(h.db, fake, true)).entries).toBe(0);
        expect(await ledgerRows(h.db)).toEqual(rows);
        expect(await totals(h.db)).toEqual(expectedTotals);
      } finally {
        await close();
      }
    });
  }

  it("a label removed by webhook while the sync holds an older page of issues stays removed", async () => {
    const { h, fake, deliver, close } = await setup();
    try {
      await plainSync(h.db, fake);
      expect(await totals(h.db)).toMatchObject({ carol: 300 });
      // A full sync has fetched beta's task issues (beta#1 still labelled) but not stored them yet when the label goes.
      await syncWith(
        h.db,
        fake,
        pauseAt(issuesOf(BETA), "after"),
        async () => {
          const b1 = putIssue(fake, { ...issueOf(fake, BETA, 1), labels: ["difficulty/medium"], updatedAt: nowIso() });
          await deliver("issues", fixtureIssueEvent("unlabeled", b1, githubId));
          expect(await taskRow(h.db, BETA, 1)).toMatchObject({ active: false });
          expect((await totals(h.db)).carol).toBeUndefined();
        },
        { full: true },
      );
      const state = async () => ({ active: (await taskRow(h.db, BETA, 1))?.active, carol: (await totals(h.db)).carol ?? 0 });
      const afterSync = await state();
      expect(await rebuildDrift(h.db)).toEqual([]);
      await plainSync(h.db, fake);
      const afterNextSync = await state();
      // beta#1 is no task any more: carol's PR that closes it earns nothing, right after the sync and after the next one.
      expect({ afterSync, afterNextSync }).toEqual({ afterSync: { active: false, carol: 0 }, afterNextSync: { active: false, carol: 0 } });
      expect(await snapshot(h.db)).toEqual((await referenceOf(kind, fake)).snapshot);
    } finally {
      await close();
    }
  });

  it("a label added and removed before the first import stores the issue is not brought back by that import's older page", async () => {
    const { h, fake, deliver, close } = await setup();
    try {
      // The first import has fetched beta's task issues (beta#1 labelled) but not stored any when the label goes:
      // the webhook finds no task to update.
      await syncWith(h.db, fake, pauseAt(issuesOf(BETA), "after"), async () => {
        const b1 = putIssue(fake, { ...issueOf(fake, BETA, 1), labels: ["difficulty/medium"], updatedAt: nowIso() });
        await deliver("issues", fixtureIssueEvent("unlabeled", b1, githubId));
      });
      const state = async () => ({ active: (await taskRow(h.db, BETA, 1))?.active ?? false, carol: (await totals(h.db)).carol ?? 0 });
      const afterSync = await state();
      await plainSync(h.db, fake);
      const afterNextSync = await state();
      expect({ afterSync, afterNextSync }).toEqual({ afterSync: { active: false, carol: 0 }, afterNextSync: { active: false, carol: 0 } });
      expect(await snapshot(h.db)).toEqual((await referenceOf(kind, fake)).snapshot);
    } finally {
      await close();
    }
  });

  it("a pull request edited by webhook while the sync holds an older page of it keeps the edit", async () => {
    const { h, fake, deliver, close } = await setup();
    try {
      // dave's beta#11 said "Close #3" (easy, 100); while the sync holds beta's PR page, it is edited to close beta#2 (hard, 1000).
      await syncWith(h.db, fake, pauseAt(pullsOf(BETA), "after"), async () => {
        const b11 = putPull(fake, { ...pullOf(fake, BETA, 11), body: "Close #2", closingIssues: [2], updatedAt: nowIso() });
        await deliver("pull_request", fixturePullEvent("edited", b11, githubId));
        expect(await netByTask(h.db)).toMatchObject({ [`dave ${BETA}#2`]: 1000 });
      });
      const daveOf = async () => Object.fromEntries(Object.entries(await netByTask(h.db)).filter(([k]) => k.startsWith("dave ")));
      const afterSync = await daveOf();
      expect(await rebuildDrift(h.db)).toEqual([]);
      await plainSync(h.db, fake);
      const afterNextSync = await daveOf();
      expect({ afterSync, afterNextSync }).toEqual({ afterSync: { [`dave ${BETA}#2`]: 1000 }, afterNextSync: { [`dave ${BETA}#2`]: 1000 } });
      expect(await snapshot(h.db)).toEqual((await referenceOf(kind, fake)).snapshot);
    } finally {
      await close();
    }
  });

  const pausePoints = [
    { name: "holding alpha's issue page (fetched before the changes)", pause: () => pauseAt(issuesOf(ALPHA), "after") },
    { name: "holding beta's pull request page (fetched before the changes)", pause: () => pauseAt(pullsOf(BETA), "after") },
  ];
  for (const point of pausePoints) {
    it(`a maintainer's override, award and revocation made while a full sync is paused ${point.name} are kept, by that sync and the next`, async () => {
      const { h, fake, close } = await setup();
      try {
        await plainSync(h.db, fake);
        expect(await totals(h.db)).toEqual({ alice: 100, carol: 300, dave: 100, erin: 100, hank: 300 });
        const [keeper] = await h.db.select().from(participants).where(eq(participants.login, "keeper"));
        const maintainer: Viewer = { userId: "keeper-user", participantId: keeper!.id, login: "keeper", isAdmin: false, maintainerOf: [ALPHA, BETA, GAMMA] };
        const a1 = (await taskRow(h.db, ALPHA, 1))!;
        const b3 = (await taskRow(h.db, BETA, 3))!;
        const a10 = (await pullRow(h.db, ALPHA, 10))!;
        const g10 = (await pullRow(h.db, GAMMA, 10))!;
        const [hankAward] = await h.db.select().from(scoreEntries).where(eq(scoreEntries.taskId, (await taskRow(h.db, ALPHA, 4))!.id));
        expect(hankAward).toMatchObject({ points: 300, kind: "award" });

        await syncWith(
          h.db,
          fake,
          point.pause(),
          async () => {
            await runCommand(h.db, setTaskScore, maintainer, { taskId: a1.id, score: 250, reason: "harder than it looked" });
            await runCommand(h.db, setTaskScore, maintainer, { taskId: b3.id, score: 150, reason: "needed a redesign" });
            await runCommand(h.db, awardPoints, maintainer, { season: SLUG, pullRequestId: a10.id, points: 50, reason: "excellent tests" });
            await runCommand(h.db, awardPoints, maintainer, { season: SLUG, pullRequestId: g10.id, points: 40, reason: "extra docs" });
            await runCommand(h.db, revokeEntry, maintainer, { entryId: hankAward!.id, reason: "copied from another PR" });
          },
          { full: true },
        );

        const expectedTotals = { alice: 300, carol: 300, dave: 150, erin: 140 };
        const expectedNet = { [`alice ${ALPHA}#1`]: 300, [`carol ${BETA}#1`]: 300, [`dave ${BETA}#3`]: 150, [`erin ${GAMMA}#1`]: 140 };
        const check = async () => {
          expect(await taskRow(h.db, ALPHA, 1)).toMatchObject({ score: 250, scoreSource: "override", scoreOverride: 250 });
          expect(await taskRow(h.db, BETA, 3)).toMatchObject({ score: 150, scoreSource: "override", scoreOverride: 150 });
          expect(await totals(h.db)).toEqual(expectedTotals);
          expect(await netByTask(h.db)).toEqual(expectedNet);
          // The ledger shows each change: the override's adjustments, the two manual awards, the revocation.
          const manual = await h.db
            .select({ points: scoreEntries.points, kind: scoreEntries.kind, reason: scoreEntries.reason, revokes: scoreEntries.revokesEntryId })
            .from(scoreEntries)
            .where(eq(scoreEntries.actorId, keeper!.id));
          expect(manual.sort((a, b) => a.points - b.points)).toEqual([
            { points: -300, kind: "revocation", reason: "copied from another PR", revokes: hankAward!.id },
            { points: 40, kind: "award", reason: "extra docs", revokes: null },
            { points: 50, kind: "award", reason: "excellent tests", revokes: null },
          ]);
          const adjustments = await h.db.select({ points: scoreEntries.points, taskId: scoreEntries.taskId }).from(scoreEntries).where(eq(scoreEntries.kind, "adjustment"));
          expect(adjustments.sort((a, b) => a.points - b.points)).toEqual([
            { points: 50, taskId: b3.id },
            { points: 150, taskId: a1.id },
          ]);
          expect(await doubleCounts(h.db)).toEqual([]);
          expect(await rebuildDrift(h.db)).toEqual([]);
        };
        await check();

        // A later full sync, then an incremental one, change nothing.
        const rows = await ledgerRows(h.db);
        expect((await plainSync(h.db, fake, true)).entries).toBe(0);
        await check();
        expect((await plainSync(h.db, fake)).entries).toBe(0);
        await check();
        expect(await ledgerRows(h.db)).toEqual(rows);
      } finally {
        await close();
      }
    });
  }
});
