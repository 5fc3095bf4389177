import { describe, expect, it } from "vitest";
import type { AwardPullRequest, AwardTask } from "@/lib/scoring/awards";
import { decideSeason, ownerAt, type DecisionContext, type DecisionSeason, type Membership } from "@/lib/scoring/decisions";
import type { SeasonRules } from "@/lib/seasons/season-file";

/** Hand-worked cases of the season pass: each rule on its own, then together. Days are March 2020 (UTC). */
const day = (n: number) => new Date(Date.UTC(2020, 2, 1) + n * 86_400_000);
const REPOS = new Map([
  [1, "o/a"],
  [2, "o/b"],
  [3, "o/c"],
]);
const rules = (r: Partial<SeasonRules> = {}): SeasonRules => ({ caps: [], gates: [], stops: [], ...r });
const season = (r: Partial<SeasonRules> = {}, extra: Partial<DecisionSeason> = {}): DecisionSeason => ({
  id: 1,
  startsAt: day(0),
  endsAt: day(60),
  graceDays: 0,
  repos: ["o/a", "o/b"],
  rules: rules(r),
  ...extra,
});
const T = (id: number, difficulty: string | null, score: number | null, extra: Partial<AwardTask> = {}): AwardTask => ({
  id,
  repositoryId: 1,
  number: id,
  score,
  difficulty,
  perPr: false,
  active: true,
  pickedUpAt: null,
  createdAt: null,
  ...extra,
});
const P = (id: number, authorId: number, mergedDay: number | null, taskIds: number[], extra: Partial<AwardPullRequest> = {}): AwardPullRequest => ({
  id,
  repo: "o/a",
  repositoryId: 1,
  number: 100 + id,
  authorId,
  authorLogin: `user${authorId}`,
  mergedAt: mergedDay === null ? null : day(mergedDay),
  createdAt: null,
  taskIds,
  rewards: [],
  ...extra,
});
const ctx = (c: DecisionContext = {}): DecisionContext => ({ repoNames: REPOS, ...c });
const byPr = (r: ReturnType<typeof decideSeason>) => new Map(r.decisions.map((d) => [d.pullRequestId, d]));
const sumOf = (r: ReturnType<typeof decideSeason>, participantId: number) => r.decisions.filter((d) => d.scorer?.participantId === participantId).reduce((n, d) => n + d.points, 0);

describe("stops", () => {
  it("the task that crosses the line pays in full, later ones of that difficulty earn nothing", () => {
    // 120 + 120 = 240 < 300; the third reaches 360 (paid in full); the fourth is stopped; a medium still pays.
    const tasks = [T(1, "easy", 120), T(2, "easy", 120), T(3, "easy", 120), T(4, "easy", 120), T(5, "medium", 300)];
    const pulls = [P(1, 7, 1, [1]), P(2, 7, 2, [2]), P(3, 7, 3, [3]), P(4, 7, 4, [4]), P(5, 7, 5, [5])];
    const r = decideSeason(season({ stops: [{ difficulty: "easy", atPoints: 300, perRepo: false }] }), tasks, pulls, ctx());
    const d = byPr(r);
    expect([1, 2, 3, 4, 5].map((id) => d.get(id)!.outcome)).toEqual(["scored", "scored", "scored", "stopped", "scored"]);
    expect(d.get(4)).toMatchObject({ outcome: "stopped", atPoints: 300, have: 360, difficulty: "easy", points: 0 });
    expect(r.awards.map((a) => a.points)).toEqual([120, 120, 120, 300]);
    expect(sumOf(r, 7)).toBe(660);
  });

  it("per repository, counting only `from`'s difficulty", () => {
    // Stop: easy tasks stop once 200 easy points are reached in that repository. Two easy in o/a reach it; the third
    // in o/a is stopped; an easy in o/b still pays. Medium points do not count toward the stop.
    const tasks = [T(1, "medium", 300), T(2, "easy", 100), T(3, "easy", 100), T(4, "easy", 100), T(5, "easy", 100, { repositoryId: 2, number: 5 })];
    const pulls = [P(1, 7, 1, [1]), P(2, 7, 2, [2]), P(3, 7, 3, [3]), P(4, 7, 4, [4]), P(5, 7, 5, [5], { repo: "o/b", repositoryId: 2 })];
    const stop = { difficulty: "easy", atPoints: 200, from: "easy", perRepo: true };
    const d = byPr(decideSeason(season({ stops: [stop] }), tasks, pulls, ctx()));
    expect([1, 2, 3, 4, 5].map((id) => d.get(id)!.outcome)).toEqual(["scored", "scored", "scored", "stopped", "scored"]);
    expect(d.get(4)).toMatchObject({ repo: "o/a", have: 200 });
  });

  it("caps and stops together: the cap holds what counts, the stop what is earned", () => {
    // Cap easy at 200, stop easy at 200: 150 (counts 150), 150 (counts 50 of 150: capped), then stopped.
    const tasks = [T(1, "easy", 150), T(2, "easy", 150), T(3, "easy", 150)];
    const pulls = [P(1, 7, 1, [1]), P(2, 7, 2, [2]), P(3, 7, 3, [3])];
    const r = decideSeason(season({ caps: [{ difficulty: "easy", max: 200, perRepo: false }], stops: [{ difficulty: "easy", atPoints: 200, perRepo: false }] }), tasks, pulls, ctx());
    const d = byPr(r);
    expect(d.get(1)).toMatchObject({ outcome: "scored", points: 150 });
    expect(d.get(2)).toMatchObject({ outcome: "capped", counted: 50, of: 150, points: 50, awarded: 150 });
    expect(d.get(3)).toMatchObject({ outcome: "stopped", have: 200 });
    expect(sumOf(r, 7)).toBe(200);
  });

  it("merge order changes totals through stops (and gates): the same PRs merged the other way round earn more", () => {
    // Stop easy at 100 points of any difficulty. Easy first: easy 100 paid, then the medium 300 → 400.
    // Medium first: 300 reached, the easy is stopped → 300.
    const tasks = [T(1, "easy", 100), T(2, "medium", 300)];
    const stop = season({ stops: [{ difficulty: "easy", atPoints: 100, perRepo: false }] });
    expect(sumOf(decideSeason(stop, tasks, [P(1, 7, 1, [1]), P(2, 7, 2, [2])], ctx()), 7)).toBe(400);
    expect(sumOf(decideSeason(stop, tasks, [P(1, 7, 2, [1]), P(2, 7, 1, [2])], ctx()), 7)).toBe(300);
  });
});

describe("gates bind credit", () => {
  const gate = { difficulty: "medium", minPoints: 200, from: "easy", perRepo: false };
  const tasks = [T(1, "medium", 300), T(2, "easy", 100), T(3, "easy", 100), T(4, "medium", 300)];

  it("a PR completing a task its author could not have picked up earns nothing; once the gate is met, it pays", () => {
    const r = decideSeason(season({ gates: [gate] }), tasks, [P(1, 7, 1, [1]), P(2, 7, 2, [2]), P(3, 7, 3, [3]), P(4, 7, 4, [4])], ctx());
    const d = byPr(r);
    expect(d.get(1)).toMatchObject({ outcome: "gate", kind: "gate", needed: 200, points: 0, taskId: 1 });
    expect(d.get(4)).toMatchObject({ outcome: "scored", points: 300 });
    expect(sumOf(r, 7)).toBe(500);
  });

  it("a maintainer's waiver lets exactly that participant pass, on exactly that task", () => {
    const t = [T(1, "medium", 300), T(2, "medium", 300), T(3, "medium", 300)];
    const pulls = [P(1, 7, 1, [1]), P(2, 8, 1, [2], { number: 200 }), P(3, 7, 2, [3])];
    const d = byPr(decideSeason(season({ gates: [gate] }), t, pulls, ctx({ waivers: new Set(["7:1"]) })));
    expect(d.get(1)).toMatchObject({ outcome: "scored", points: 300 });
    expect(d.get(2)).toMatchObject({ outcome: "gate" }); // participant 8, same gate, no waiver
    expect(d.get(3)).toMatchObject({ outcome: "gate" }); // participant 7, another task
  });

  it("`waivedFrom` lifts the gate for a member at or above the role", () => {
    const waivable = { ...gate, waivedFrom: "reviewer" as const };
    const t = [T(1, "medium", 300), T(2, "medium", 300), T(3, "medium", 300)];
    const pulls = [P(1, 7, 1, [1]), P(2, 8, 1, [2], { number: 200 }), P(3, 9, 1, [3], { number: 300 })];
    const roles = new Map([
      [7, "committer" as const],
      [8, "active-contributor" as const],
    ]);
    const d = byPr(decideSeason(season({ gates: [waivable] }), t, pulls, ctx({ roles })));
    expect([1, 2, 3].map((id) => d.get(id)!.outcome)).toEqual(["scored", "gate", "gate"]);
  });

  it("a maintainer's /reward is not bound by a gate", () => {
    const pulls = [P(1, 7, 1, [1], { rewards: [{ commentId: "c1", points: 50, at: day(1) }] })];
    const d = byPr(decideSeason(season({ gates: [gate] }), tasks, pulls, ctx()));
    expect(d.get(1)).toMatchObject({ outcome: "scored", points: 50 });
  });
});

describe("teams own their members' points from joinedAt until leftAt", () => {
  const team = (extra: Partial<Membership> = {}): Membership[] => [
    { teamId: 10, participantId: 7, joinedAt: day(10), leftAt: day(20), difficulties: null, ...extra },
    { teamId: 10, participantId: 8, joinedAt: day(0), leftAt: null, difficulties: null, ...extra },
  ];

  it("before joining: the member's; while in the team: the team's; after leaving: the member's again", () => {
    const tasks = [T(1, "easy", 100), T(2, "easy", 100), T(3, "easy", 100)];
    const r = decideSeason(season(), tasks, [P(1, 7, 5, [1]), P(2, 7, 15, [2]), P(3, 7, 25, [3])], ctx({ memberships: team() }));
    expect(r.awards.map((a) => [a.participantId, a.teamId])).toEqual([
      [7, null],
      [7, 10],
      [7, null],
    ]);
    expect(ownerAt(team(), 7, day(10))?.teamId).toBe(10); // joinedAt inclusive
    expect(ownerAt(team(), 7, day(20))).toBeNull(); // leftAt exclusive
  });

  it("gates count the team's points while the member is in it", () => {
    // Member 8 earns 200 easy for the team; member 7's medium on day 15 passes the team's gate, on day 25 (left) not.
    const tasks = [T(1, "easy", 100), T(2, "easy", 100), T(3, "medium", 300), T(4, "medium", 300)];
    const pulls = [P(1, 8, 1, [1]), P(2, 8, 2, [2]), P(3, 7, 15, [3]), P(4, 7, 25, [4])];
    const d = byPr(decideSeason(season({ gates: [{ difficulty: "medium", minPoints: 200, from: "easy", perRepo: false }] }), tasks, pulls, ctx({ memberships: team() })));
    expect(d.get(3)).toMatchObject({ outcome: "scored", scorer: { participantId: 7, teamId: 10 } });
    expect(d.get(4)).toMatchObject({ outcome: "gate", scorer: { participantId: 7, teamId: null } });
  });

  it("a team may take only its difficulties", () => {
    const d = byPr(decideSeason(season(), [T(1, "easy", 100), T(2, "hard", 1000)], [P(1, 8, 1, [1]), P(2, 8, 2, [2])], ctx({ memberships: team({ difficulties: ["hard"] }) })));
    expect(d.get(1)).toMatchObject({ outcome: "gate", kind: "team-difficulty", allowed: ["hard"] });
    expect(d.get(2)).toMatchObject({ outcome: "scored", points: 1000 });
  });
});

describe("every outcome", () => {
  it("bot, excluded, void, pending, no-task, not-a-task, needs-score, already-paid, held-by-other, outside-window, revoked", () => {
    const tasks = [T(1, "easy", 100), T(2, "easy", null), T(3, "easy", 100), T(4, "easy", 100, { pickedUpById: 9, pickedUpAt: day(1) }), T(5, "easy", 100), T(6, "easy", 100)];
    const pulls = [
      P(1, 7, 2, [1], { isBot: true }),
      P(2, 7, 2, [1], { authorLogin: "sre-bot" }),
      P(3, 7, 2, [1], { labels: ["Spam"] }),
      P(4, 7, null, [1]),
      P(5, 7, 2, []),
      P(6, 7, 2, [], { refsOtherIssue: true }),
      P(7, 7, 2, [2]),
      P(8, 7, 3, [3]),
      P(9, 8, 4, [3]),
      P(10, 7, 5, [4]),
      P(11, 7, 63, [5]),
      P(12, 7, 6, [6]),
    ];
    const manual = [{ id: 1, participantId: 7, teamId: null, repositoryId: 1, difficulty: "easy", points: -100, occurredAt: day(30), revokes: { pullRequestId: 12, actorId: 99, reason: "copied code" } }];
    const d = byPr(decideSeason(season({}, { excluded: ["SRE-bot"], voidLabels: ["invalid", "spam"], graceDays: 2 }), tasks, pulls, ctx({ manual })));
    expect([...d.values()].sort((a, b) => a.pullRequestId - b.pullRequestId).map((x) => x.outcome)).toEqual([
      "bot",
      "excluded",
      "void",
      "pending",
      "no-task",
      "not-a-task",
      "needs-score",
      "scored",
      "already-paid",
      "held-by-other",
      "outside-window",
      "revoked",
    ]);
    expect(d.get(3)).toMatchObject({ label: "Spam" });
    expect(d.get(9)).toMatchObject({ paidPullRequestId: 8 });
    expect(d.get(10)).toMatchObject({ holderId: 9 });
    // Merged on day 63: 3 days after the end, 1 day past the 2-day grace (which does not apply: nothing opened inside).
    expect(d.get(11)).toMatchObject({ daysPastEnd: 3, daysPastGrace: 1, graceApplies: false, before: false });
    expect(d.get(12)).toMatchObject({ actorId: 99, reason: "copied code", points: 0 });
  });
});

describe("countAs and companion repositories", () => {
  it("a companion PR completing a task counts under the task's repository, mapped through countAs; the reason names both sides", () => {
    const s = season({}, { companionRepos: ["o/c"], countAs: { "o/a": "o/b" } });
    const r = decideSeason(s, [T(5739, "easy", 100, { repo: "o/a" })], [P(1, 7, 1, [5739], { repo: "o/c", repositoryId: 3, number: 121 })], ctx());
    expect(r.awards).toMatchObject([{ repositoryId: 2, difficulty: "easy", reason: "o/a#5739 completed by o/c#121" }]);
  });

  it("a PR of an unlisted, non-companion repository completes nothing", () => {
    const r = decideSeason(season(), [T(1, "easy", 100)], [P(1, 7, 1, [1], { repo: "o/c", repositoryId: 3 })], ctx());
    expect(r.awards).toEqual([]);
  });
});
