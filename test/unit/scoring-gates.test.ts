import { describe, expect, it } from "vitest";
import { checkGates, type GateResult, type GateStanding, type GateTask } from "@/lib/scoring/gates";
import type { SeasonRules } from "@/lib/seasons/season-file";

const b = (scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).map(([d, score]) => [d, { tasks: score > 0 ? 1 : 0, score }]));

/** A participant with 300 easy points (200 in pingcap/pd, 100 in tikv/tikv) and 300 medium points in tikv/tikv. */
const standing: GateStanding = {
  byDifficulty: b({ easy: 300, medium: 300 }),
  byRepo: { "pingcap/pd": b({ easy: 200 }), "tikv/tikv": b({ easy: 100, medium: 300 }) },
  points: 600,
};
const nobody: GateStanding = { byDifficulty: {}, byRepo: {}, points: 0 };

const rules = (gates: Partial<SeasonRules["gates"][number]>[]): SeasonRules => ({
  caps: [],
  stops: [],
  gates: gates.map((g) => ({ difficulty: "hard", minPoints: 0, perRepo: false, ...g })),
});
const task = (p: Partial<GateTask> = {}): GateTask => ({ difficulty: "hard", repo: "pingcap/pd", minScoreRequired: null, ...p });
const ok: GateResult = { ok: true };
const short = (needed: number, reason?: string) =>
  reason === undefined ? { ok: false, needed } : { ok: false, needed, reason };

type Case = { name: string; task: GateTask; rules: SeasonRules; standing?: GateStanding; expected: GateResult | ReturnType<typeof short> };

const cases: Case[] = [
  { name: "no gates", task: task(), rules: rules([]), expected: ok },
  { name: "no gates, newcomer", task: task(), rules: rules([]), standing: nobody, expected: ok },
  { name: "overall gate met", task: task(), rules: rules([{ minPoints: 600 }]), expected: ok },
  {
    name: "overall gate unmet",
    task: task(),
    rules: rules([{ minPoints: 1000 }]),
    expected: short(400, "You need 400 more points before picking up a hard task (you have 600)."),
  },
  {
    name: "overall gate unmet for a newcomer",
    task: task({ difficulty: "medium" }),
    rules: rules([{ difficulty: "medium", minPoints: 1 }]),
    standing: nobody,
    expected: short(1, "You need 1 more point before picking up a medium task (you have 0)."),
  },
  { name: "a gate of another difficulty does not apply", task: task({ difficulty: "medium" }), rules: rules([{ minPoints: 5000 }]), expected: ok },
  {
    name: "`from` counts only that difficulty",
    task: task(),
    rules: rules([{ minPoints: 400, from: "easy" }]),
    expected: short(100, "You need 100 more points from easy tasks before picking up a hard task (you have 300)."),
  },
  { name: "`from` met", task: task(), rules: rules([{ minPoints: 300, from: "medium" }]), expected: ok },
  {
    name: "`from` a difficulty with no points",
    task: task(),
    rules: rules([{ minPoints: 50, from: "hard" }]),
    expected: short(50, "You need 50 more points from hard tasks before picking up a hard task (you have 0)."),
  },
  {
    name: "perRepo counts only that repo",
    task: task(),
    rules: rules([{ minPoints: 350, from: "easy", perRepo: true }]),
    expected: short(150, "You need 150 more points from easy tasks in pingcap/pd before picking up a hard task (you have 200)."),
  },
  { name: "perRepo met in another repo", task: task({ repo: "tikv/tikv" }), rules: rules([{ minPoints: 400, perRepo: true }]), expected: ok },
  {
    name: "perRepo without `from` counts all of that repo's points",
    task: task(),
    rules: rules([{ minPoints: 400, perRepo: true }]),
    expected: short(200, "You need 200 more points in pingcap/pd before picking up a hard task (you have 200)."),
  },
  {
    name: "perRepo in a repo with no points",
    task: task({ repo: "pingcap/tidb" }),
    rules: rules([{ minPoints: 200, from: "easy", perRepo: true }]),
    expected: short(200, "You need 200 more points from easy tasks in pingcap/tidb before picking up a hard task (you have 0)."),
  },
  { name: "own min score met", task: task({ minScoreRequired: 600 }), rules: rules([]), expected: ok },
  {
    name: "own min score unmet",
    task: task({ minScoreRequired: 1000 }),
    rules: rules([]),
    expected: short(400, "This task requires 1000 points; you need 400 more points before picking it up (you have 600)."),
  },
  { name: "own min score of 0", task: task({ minScoreRequired: 0 }), rules: rules([]), standing: nobody, expected: ok },
  {
    name: "several gates: the largest shortfall is reported",
    task: task(),
    rules: rules([
      { minPoints: 400, from: "easy" }, // 100 short
      { minPoints: 500, from: "easy", perRepo: true }, // 300 short
      { minPoints: 700 }, // 100 short
    ]),
    expected: short(300, "You need 300 more points from easy tasks in pingcap/pd before picking up a hard task (you have 200)."),
  },
  {
    name: "gates and own min score: the own one is larger",
    task: task({ minScoreRequired: 1500 }),
    rules: rules([{ minPoints: 400, from: "easy" }]),
    expected: short(900, "This task requires 1500 points; you need 900 more points before picking it up (you have 600)."),
  },
  {
    name: "gates and own min score: a gate is larger",
    task: task({ minScoreRequired: 700 }),
    rules: rules([{ minPoints: 500, from: "medium", perRepo: true }]),
    expected: short(500, "You need 500 more points from medium tasks in pingcap/pd before picking up a hard task (you have 0)."),
  },
  { name: "unknown difficulty: no gate applies", task: task({ difficulty: "legendary" }), rules: rules([{ minPoints: 5000 }]), expected: ok },
  {
    name: "unknown difficulty: still its own min score",
    task: task({ difficulty: "legendary", minScoreRequired: 800 }),
    rules: rules([{ minPoints: 5000 }]),
    expected: short(200),
  },
  { name: "no difficulty: gates do not apply", task: task({ difficulty: null }), rules: rules([{ minPoints: 5000 }]), expected: ok },
  {
    name: "no difficulty: only its own min score",
    task: task({ difficulty: null, minScoreRequired: 650 }),
    rules: rules([{ minPoints: 5000 }]),
    expected: short(50, "This task requires 650 points; you need 50 more points before picking it up (you have 600)."),
  },
  {
    name: "repo names compare case-insensitively (task)",
    task: task({ repo: "PingCAP/PD" }),
    rules: rules([{ minPoints: 200, from: "easy", perRepo: true }]),
    expected: ok,
  },
  {
    name: "repo names compare case-insensitively (standing)",
    task: task({ repo: "pingcap/tidb" }),
    rules: rules([{ minPoints: 250, from: "easy", perRepo: true }]),
    standing: { ...standing, byRepo: { "PingCAP/TiDB": b({ easy: 200 }) } },
    expected: short(50, "You need 50 more points from easy tasks in pingcap/tidb before picking up a hard task (you have 200)."),
  },
  {
    name: "an easy task takes `an`",
    task: task({ difficulty: "easy" }),
    rules: rules([{ difficulty: "easy", minPoints: 700 }]),
    expected: short(100, "You need 100 more points before picking up an easy task (you have 600)."),
  },
];

describe("checkGates", () => {
  it.each(cases)("$name", ({ task: t, rules: r, standing: s, expected }) => {
    const result = checkGates(t, r, s ?? standing);
    if (expected.ok) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject(expected);
    if (!result.ok) {
      expect(Number.isInteger(result.needed) && result.needed > 0).toBe(true);
      expect(result.reason).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("reports a whole number of points for fractional standings", () => {
    expect(checkGates(task(), rules([{ minPoints: 100 }]), { ...nobody, points: 99.5 })).toMatchObject({ ok: false, needed: 1 });
  });
});
