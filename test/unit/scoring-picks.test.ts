import { describe, expect, it } from "vitest";
import { checkEligibility } from "@/lib/scoring/eligibility";
import { checkPickLimit, stalePicks, type OpenPick } from "@/lib/scoring/picks";
import { checkStops } from "@/lib/scoring/stops";
import type { SeasonRules } from "@/lib/seasons/season-file";

const rules = (r: Partial<SeasonRules> = {}): SeasonRules => ({ caps: [], gates: [], stops: [], ...r });
const nobody = { points: 0, byDifficulty: {}, byRepo: {} };

describe("the pick limit", () => {
  it("season 1: one open pick per participant", () => {
    const r = rules({ picks: { max: 1, perTeamMember: false } });
    expect(checkPickLimit(r, { open: 0, teamMembers: null })).toEqual({ ok: true });
    expect(checkPickLimit(r, { open: 1, teamMembers: null })).toMatchObject({ ok: false, max: 1, reason: expect.stringMatching(/already hold a task/) });
  });

  it("season 2: a team holds as many as it has members, its members' picks counted together", () => {
    const r = rules({ picks: { max: 1, perTeamMember: true } });
    expect(checkPickLimit(r, { open: 2, teamMembers: 3 })).toEqual({ ok: true });
    expect(checkPickLimit(r, { open: 3, teamMembers: 3 })).toMatchObject({ ok: false, max: 3, reason: expect.stringMatching(/Your team already holds 3/) });
    // Outside a team, the participant's own limit.
    expect(checkPickLimit(r, { open: 1, teamMembers: null })).toMatchObject({ ok: false, max: 1 });
  });

  it("no picks rule: no limit", () => {
    expect(checkPickLimit(rules(), { open: 50, teamMembers: null })).toEqual({ ok: true });
  });
});

describe("stalePicks", () => {
  const at = (d: number) => new Date(Date.UTC(2020, 2, 1 + d));
  const pick = (taskId: number, pickedDay: number, hasOpenPullRequest = false): OpenPick => ({ taskId, holderId: 1, pickedAt: at(pickedDay), hasOpenPullRequest });

  it("released after releaseAfterDays with no open PR, reminded the day before", () => {
    const r = rules({ picks: { max: 1, perTeamMember: false, releaseAfterDays: 7 } });
    const picks = [pick(1, 0), pick(2, 1), pick(3, 5), pick(4, 0, true)];
    // On day 7: #1 is due (7 days), #2 is due tomorrow (reminder), #3 has 2 more days, #4 has an open PR.
    const out = stalePicks(at(7), picks, r);
    expect(out.release.map((p) => p.taskId)).toEqual([1]);
    expect(out.remind.map((p) => p.taskId)).toEqual([2]);
  });

  it("without releaseAfterDays nothing is stale", () => {
    expect(stalePicks(new Date(), [pick(1, 0)], rules({ picks: { max: 1, perTeamMember: false } }))).toEqual({ release: [], remind: [] });
  });
});

describe("eligibility at a pick-up", () => {
  const standing = { points: 650, byDifficulty: { easy: { tasks: 6, score: 650 } }, byRepo: { "o/a": { easy: { tasks: 6, score: 650 } } } };

  it("a stop past its line refuses the pick with the stop's words", () => {
    const r = rules({ stops: [{ difficulty: "easy", atPoints: 600, perRepo: false }] });
    expect(checkStops({ difficulty: "easy", repo: "o/a", minScoreRequired: null }, r, standing)).toMatchObject({ ok: false, have: 650 });
    expect(checkEligibility({ difficulty: "easy", repo: "o/a", minScoreRequired: null }, r, standing, { role: null, waived: false, teamDifficulties: null })).toMatchObject({
      ok: false,
      outcome: "stopped",
      reason: "Easy tasks stop earning once you have 600 points (you have 650).",
    });
    // A waiver lifts gates, not stops.
    expect(checkEligibility({ difficulty: "easy", repo: "o/a", minScoreRequired: null }, r, standing, { role: null, waived: true, teamDifficulties: null })).toMatchObject({ ok: false, outcome: "stopped" });
  });

  it("the team's difficulties come first; a waiver lifts the task's own minimum too", () => {
    const task = { difficulty: "easy", repo: "o/a", minScoreRequired: 100 };
    expect(checkEligibility(task, rules(), nobody, { role: null, waived: false, teamDifficulties: ["hard"] })).toMatchObject({ ok: false, kind: "team-difficulty", reason: "Your team may take only hard tasks." });
    expect(checkEligibility(task, rules(), nobody, { role: null, waived: false, teamDifficulties: null })).toMatchObject({ ok: false, outcome: "gate", needed: 100 });
    expect(checkEligibility(task, rules(), nobody, { role: null, waived: true, teamDifficulties: null })).toEqual({ ok: true, waived: "maintainer" });
  });

  it("a role at or above waivedFrom passes, and says so", () => {
    const r = rules({ gates: [{ difficulty: "medium", minPoints: 400, from: "easy", perRepo: false, waivedFrom: "active-contributor" }] });
    const task = { difficulty: "medium", repo: "o/a", minScoreRequired: null };
    expect(checkEligibility(task, r, nobody, { role: "reviewer", waived: false, teamDifficulties: null })).toEqual({ ok: true, waived: "role" });
    expect(checkEligibility(task, r, nobody, { role: "contributor", waived: false, teamDifficulties: null })).toMatchObject({ ok: false, needed: 400 });
  });
});
