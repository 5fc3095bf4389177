import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, repositories, scoreEntries, seasonRepoTotals, seasons, seasonTotals, tasks } from "@/db/schema";
import { applyDemoProgram } from "@/demo/program/seed";
import type { Fixture, FixturePullRequest, FixtureSeason } from "@/demo/program/fixture";
import { fixtureToBatch } from "@/demo/program/to-batch";
import type { Viewer } from "@/lib/auth/permissions";
import { runCommand } from "@/lib/commands";
import { pickUpTask } from "@/lib/commands/pick-up-task";
import { revokeEntry } from "@/lib/commands/revoke-entry";
import { waiveGate } from "@/lib/commands/waive-gate";
import { describeError } from "@/lib/errors";
import { renderWords } from "@/lib/i18n/words";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { belowGate, taskWaivers } from "@/lib/queries/task-gates";
import { getTeamRanking } from "@/lib/queries/teams";
import { decideScope, seasonForAwards } from "@/lib/scoring/award-season";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { ingest } from "@/lib/sync/ingest";
import { DRIVERS, freshDatabase } from "../harness/databases";

/**
 * One season using every rule of the second round, imported through the importer's ingest, with totals worked out
 * by hand (docs/contract.md, "Added in the second round"). Defaults: easy 100, medium 300, hard 1000.
 * Rules: easy stops at 300 easy points per repository; medium needs 200 easy points (gate) and counts at most 400
 * (cap); acme/lib counts as acme/app; acme/tool is a companion; ops-robot is excluded; "spam" voids a PR.
 * Teams: duo (dan, eve; joined 04-01, eve left 05-01); stars (sam; joined 03-10; hard only; unranked).
 *
 *   ann: easy app#1, #2, #3 (03-02..04) 300 — the third reaches the stop and pays in full; easy app#4 (03-05) and
 *        easy lib#10 (03-06, counted as acme/app) stopped; medium app#5 (03-07) 300 (gate met); medium app#21
 *        (03-09) 300 of which 100 count (cap 400); hard app#6 by acme/tool#1 (03-08) 1000 → 1700, 6 tasks
 *   bob: medium app#7 (03-10) gate (no easy points) → 0; medium app#8 (03-11) gate, then a maintainer's waiver → 300;
 *        a maintainer's /reward 50 on a PR with no task → 350
 *   cat: easy app#19 with PR labelled "spam" → void; easy app#20 (03-05) 100, then revoked by a maintainer → 0
 *   dan: easy app#9 (03-20) 100 his; easy app#11 (04-05) 100 the duo's
 *   eve: easy app#12 (04-10) 100 the duo's; medium app#13 (04-12) 300 the duo's (the duo's 200 easy meet the gate);
 *        easy app#14 (05-05, after leaving) 100 hers
 *   sam: easy app#17 (03-05, before joining) 100 his; easy app#15 (03-15) refused (stars take only hard);
 *        hard app#16 (03-16) 1000 the stars'
 *   ops-robot: easy app#18 → excluded
 *   individuals: ann 1700 (#1), bob 350 (#2), then the 100s in the order reached: sam (03-05, no rank), dan (03-20,
 *   #3), eve (05-05, #3); cat 0 (#5)
 *   teams: stars 1000 (no rank), duo 500 (#1)
 */
const REPO = "acme/app";
const LIB = "acme/lib";
const TOOL = "acme/tool";
const KEEPER = "rules-keeper";

const SEASON: FixtureSeason = {
  slug: "rules-s1",
  name: "Rules Season",
  startsAt: "2020-03-01T00:00:00+00:00",
  endsAt: "2020-05-31T23:59:59+00:00",
  repos: [REPO, LIB],
  taskLabels: ["cp"],
  difficulties: { easy: 100, medium: 300, hard: 1000 },
  rules: {
    caps: [{ difficulty: "medium", max: 400 }],
    gates: [{ difficulty: "medium", minPoints: 200, from: "easy" }],
    stops: [{ difficulty: "easy", atPoints: 300, from: "easy", perRepo: true }],
    picks: { max: 1 },
  },
  companionRepos: [TOOL],
  countAs: { [LIB]: REPO },
  excluded: ["ops-robot"],
  teams: [
    { name: "duo", members: ["dan", "eve"], joinedAt: "2020-04-01T00:00:00+00:00", leftAt: { eve: "2020-05-01T00:00:00+00:00" } },
    { name: "stars", members: ["sam"], joinedAt: "2020-03-10T00:00:00+00:00", difficulties: ["hard"] },
  ],
  unranked: ["stars"],
};

type Merge = { author: string; repo?: string; number: number; task: string; at: string; labels?: string[]; comments?: FixturePullRequest["comments"] };
const TASKS: [repo: string, n: number, difficulty: string][] = [
  ...[1, 2, 3, 4, 9, 11, 12, 14, 15, 17, 18, 19, 20, 30, 31, 32].map((n): [string, number, string] => [REPO, n, "easy"]),
  ...[5, 7, 8, 13, 21, 33].map((n): [string, number, string] => [REPO, n, "medium"]),
  ...[6, 16].map((n): [string, number, string] => [REPO, n, "hard"]),
  [LIB, 10, "easy"],
];
const MERGES: Merge[] = [
  { author: "ann", number: 101, task: "#1", at: "2020-03-02" },
  { author: "ann", number: 102, task: "#2", at: "2020-03-03" },
  { author: "ann", number: 103, task: "#3", at: "2020-03-04" },
  { author: "ann", number: 104, task: "#4", at: "2020-03-05" },
  { author: "ann", repo: LIB, number: 110, task: "#10", at: "2020-03-06" },
  { author: "ann", number: 105, task: "#5", at: "2020-03-07" },
  { author: "ann", repo: TOOL, number: 1, task: `${REPO}#6`, at: "2020-03-08" },
  { author: "ann", number: 121, task: "#21", at: "2020-03-09" },
  { author: "bob", number: 107, task: "#7", at: "2020-03-10" },
  { author: "bob", number: 108, task: "#8", at: "2020-03-11" },
  { author: "bob", number: 150, task: "", at: "2020-03-12", comments: [{ id: "rw-1", author: KEEPER, body: "/reward 50", createdAt: "2020-03-13T00:00:00Z" }] },
  { author: "cat", number: 119, task: "#19", at: "2020-03-05", labels: ["Spam"] },
  { author: "cat", number: 120, task: "#20", at: "2020-03-05" },
  { author: "dan", number: 109, task: "#9", at: "2020-03-20" },
  { author: "dan", number: 111, task: "#11", at: "2020-04-05" },
  { author: "eve", number: 112, task: "#12", at: "2020-04-10" },
  { author: "eve", number: 113, task: "#13", at: "2020-04-12" },
  { author: "eve", number: 114, task: "#14", at: "2020-05-05" },
  { author: "sam", number: 117, task: "#17", at: "2020-03-05" },
  { author: "sam", number: 115, task: "#15", at: "2020-03-15" },
  { author: "sam", number: 116, task: "#16", at: "2020-03-16" },
  { author: "ops-robot", number: 118, task: "#18", at: "2020-03-05" },
];

function program(): Fixture {
  const logins = [KEEPER, "ann", "bob", "cat", "dan", "eve", "sam", "ops-robot"];
  return {
    users: logins.map((login, i) => ({ login, databaseId: 9_300_000 + i, name: null, avatarUrl: `https://avatars.example/${login}`, type: "User" as const })),
    repos: [REPO, LIB, TOOL].map((nameWithOwner, i) => ({ nameWithOwner, databaseId: 9_400_000 + i, description: "" })),
    issues: TASKS.map(([repo, number, difficulty]) => ({
      repo,
      number,
      title: `Task ${number}`,
      body: "",
      labels: ["cp", `difficulty/${difficulty}`],
      state: "OPEN" as const,
      author: KEEPER,
      createdAt: "2020-01-01T00:00:00Z",
      updatedAt: "2020-01-01T00:00:00Z",
      closedAt: null,
    })),
    pullRequests: MERGES.map((m) => ({
      repo: m.repo ?? REPO,
      number: m.number,
      title: `Work ${m.number}`,
      body: m.task ? `Closes ${m.task}` : "A fix with no task",
      labels: m.labels ?? [],
      state: "MERGED" as const,
      author: m.author,
      createdAt: `${m.at}T00:00:00Z`,
      updatedAt: `${m.at}T12:00:00Z`,
      mergedAt: `${m.at}T12:00:00Z`,
      mergedBy: KEEPER,
      closingIssues: [],
      comments: m.comments ?? [],
    })),
    seasons: [SEASON],
    admins: [KEEPER],
    demoIdentities: [],
  };
}

describe.each(DRIVERS)("every rule of the second round, worked out by hand, on %s", (kind) => {
  let h: DbHandle;
  let seasonId: number;
  const taskId = async (repo: string, number: number) =>
    (await h.db.select({ id: tasks.id }).from(tasks).innerJoin(repositories, eq(repositories.id, tasks.repositoryId)).where(and(eq(tasks.seasonId, seasonId), eq(repositories.fullName, repo), eq(tasks.number, number))))[0]!.id;
  const individual = async () =>
    (
      await h.db
        .select({ login: participants.login, points: seasonTotals.points, tasks: seasonTotals.tasks })
        .from(seasonTotals)
        .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
        .where(eq(seasonTotals.seasonId, seasonId))
        .orderBy(asc(participants.login))
    ).map((r) => `${r.login} ${r.points}/${r.tasks}`);

  beforeAll(async () => {
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, program());
    await ingest(h.db, fixtureToBatch(program()));
    seasonId = (await h.db.select().from(seasons).where(eq(seasons.slug, "rules-s1")))[0]!.id;
    await runCommand(h.db, waiveGate, "operator", { taskId: await taskId(REPO, 8), login: "bob", reason: "knows the planner well" });
    const [cats] = await h.db.select({ id: scoreEntries.id }).from(scoreEntries).where(and(eq(scoreEntries.seasonId, seasonId), eq(scoreEntries.taskId, await taskId(REPO, 20))));
    await runCommand(h.db, revokeEntry, "operator", { entryId: cats!.id, reason: "copied from another PR" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("individual rows hold only individual points", async () => {
    expect(await individual()).toEqual(["ann 1700/6", "bob 350/1", "cat 0/0", "dan 100/1", "eve 100/1", "sam 100/1"]);
  });

  it("ranks: standard competition ranking, members of an unranked team take no rank; entries name their team", async () => {
    const board = await getLeaderboard(h.db, { slug: "rules-s1", limit: 50, offset: 0 });
    expect(board!.entries.map((e) => [e.login, e.rank, e.score, e.team, e.unranked])).toEqual([
      ["ann", 1, 1700, null, false],
      ["bob", 2, 350, null, false],
      ["sam", null, 100, "stars", true],
      ["dan", 3, 100, "duo", false],
      ["eve", 3, 100, null, false],
      ["cat", 5, 0, null, false],
    ]);
  });

  it("teams own their members' points from joinedAt until leftAt", async () => {
    const teams = await getTeamRanking(h.db, "rules-s1");
    expect(teams!.map((t) => [t.name, t.rank, t.score, t.tasks, t.members])).toEqual([
      ["stars", null, 1000, 1, [{ login: "sam", points: 1000 }]],
      ["duo", 1, 500, 3, [{ login: "eve", points: 400 }, { login: "dan", points: 100 }]],
    ]);
  });

  it("countAs and companion repositories count under the task's repository, and the reason names both sides", async () => {
    const perRepo = await h.db
      .select({ repo: repositories.fullName, points: seasonRepoTotals.points })
      .from(seasonRepoTotals)
      .innerJoin(repositories, eq(repositories.id, seasonRepoTotals.repositoryId))
      .innerJoin(participants, eq(participants.id, seasonRepoTotals.participantId))
      .where(and(eq(seasonRepoTotals.seasonId, seasonId), eq(participants.login, "ann")));
    expect(perRepo).toEqual([{ repo: REPO, points: 1700 }]);
    const [entry] = await h.db.select({ reason: scoreEntries.reason }).from(scoreEntries).where(eq(scoreEntries.taskId, await taskId(REPO, 6)));
    expect(entry?.reason).toBe("acme/app#6 completed by acme/tool#1");
  });

  it("each pull request has its outcome", async () => {
    const { decisions } = await decideScope(h.db, await seasonForAwards(h.db, seasonId), "all");
    const prs = await h.db.select({ id: pullRequests.id, number: pullRequests.number }).from(pullRequests);
    const numberOf = new Map(prs.map((p) => [p.id, p.number]));
    const outcome = new Map(decisions.map((d) => [numberOf.get(d.pullRequestId), d]));
    expect(Object.fromEntries([104, 110, 121, 107, 108, 119, 120, 115, 118, 113].map((n) => [n, outcome.get(n)?.outcome]))).toEqual({
      104: "stopped",
      110: "stopped",
      121: "capped",
      107: "gate",
      108: "scored",
      119: "void",
      120: "revoked",
      115: "gate",
      118: "excluded",
      113: "scored",
    });
    expect(outcome.get(121)).toMatchObject({ counted: 100, of: 300 });
    expect(outcome.get(115)).toMatchObject({ kind: "team-difficulty" });
  });

  it("the task page's waiver data: who a gate keeps from a task, and the waivers given", async () => {
    const below = await belowGate(h.db, await taskId(REPO, 7));
    expect(below).toEqual([{ login: "bob", line: "You need 200 more points from easy tasks before picking up a medium task (you have 0).", words: expect.objectContaining({ key: "outcomes.rules.gate" }) }]);
    // The same line as catalogue words (the page shows them in the reader's language).
    expect(renderWords(below[0]!.words)).toBe(below[0]!.line);
    expect(renderWords(below[0]!.words, "zh-CN")).toBe("认领中等任务前，你还需要从简单任务中再获得 200 积分（你现在有 0 分）。");
    expect(await belowGate(h.db, await taskId(REPO, 8))).toEqual([]);
    expect((await taskWaivers(h.db, await taskId(REPO, 8))).map((w) => [w.login, w.reason, w.actor])).toEqual([["bob", "knows the planner well", null]]);
  });

  it("pick-ups are refused by the stop, the gate, the team's difficulties and the pick limit, each in its words", async () => {
    await h.db.update(seasons).set({ endsAt: new Date("2099-01-01T00:00:00Z") }).where(eq(seasons.id, seasonId));
    const viewer = async (login: string): Promise<Viewer> => {
      const [p] = await h.db.select().from(participants).where(eq(participants.login, login));
      return { userId: `u-${login}`, participantId: p!.id, login, isAdmin: false, maintainerOf: [] };
    };
    const pick = async (login: string, n: number) => {
      try {
        await runCommand(h.db, pickUpTask, await viewer(login), { taskId: await taskId(REPO, n) });
        return "ok";
      } catch (e) {
        const d = describeError(e);
        return `${d.rule}: ${d.message}`;
      }
    };
    expect(await pick("ann", 30)).toBe("stopped: Easy tasks stop earning once you have 300 points from easy tasks in acme/app (you have 300).");
    expect(await pick("cat", 33)).toBe("gate: You need 200 more points from easy tasks before picking up a medium task (you have 0).");
    expect(await pick("sam", 31)).toBe("team-difficulty: Your team may take only hard tasks.");
    expect(await pick("bob", 31)).toBe("ok");
    expect(await pick("bob", 32)).toMatch(/^pick-limit: You already hold a task/);
  });

  it("the ledger is consistent: rebuilding the totals changes nothing", async () => {
    const reports = await rebuildTotals(h.db, "rules-s1");
    expect(reports[0]!.differences).toEqual([]);
  });

  it("re-applying the season without its stop re-derives the awards", async () => {
    const parsed = parseSeasonDocument({ ...SEASON, rules: { ...SEASON.rules, stops: [] } });
    if (!parsed.success) throw parsed.error;
    await applySeasons(h.db, parsed.data);
    // ann's easy app#4 and lib#10 now earn: 1700 + 200.
    const [ann] = await h.db
      .select({ points: seasonTotals.points })
      .from(seasonTotals)
      .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
      .where(and(eq(seasonTotals.seasonId, seasonId), eq(participants.login, "ann")));
    expect(ann?.points).toBe(1900);
    expect((await rebuildTotals(h.db, "rules-s1"))[0]!.differences).toEqual([]);
  });
});
