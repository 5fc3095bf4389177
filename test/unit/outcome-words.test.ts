import { describe, expect, it } from "vitest";
import { describeOutcome, seasonDate, type OutcomeNames } from "@/lib/outcomes/words";
import type { PrDecision } from "@/lib/scoring/outcomes";

const names: OutcomeNames = { task: (id) => `tikv/tikv#${id}`, pullRequest: (id) => `tikv/tikv#${id}`, person: (id) => (id === null ? "a maintainer" : `user${id}`), timeZone: "+08:00" };
const base = { pullRequestId: 1, taskId: 5739, points: 0, awarded: 0, scorer: null };
const say = (d: Partial<PrDecision> & Pick<PrDecision, "outcome">) => describeOutcome({ ...base, ...d } as PrDecision, names);

describe("outcome words", () => {
  it("dates are the season's calendar day", () => {
    // 2020-05-30T23:59:59+08:00 is May 30 in the season's zone, though May 30 15:59 UTC.
    expect(seasonDate(new Date("2020-05-30T15:59:59Z"), "+08:00")).toBe("May 30, 2020");
    expect(seasonDate(new Date("2020-05-30T16:00:00Z"), "+08:00")).toBe("May 31, 2020");
    expect(seasonDate(new Date("2020-05-30T16:00:00Z"), "Asia/Shanghai")).toBe("May 31, 2020");
  });

  it("each outcome has its sentence", () => {
    expect(say({ outcome: "scored", points: 300 })).toBe("Earned 300 points for tikv/tikv#5739.");
    expect(say({ outcome: "capped", counted: 100, of: 300 } as Partial<PrDecision> & { outcome: "capped" })).toBe("Counted 100 of its 300 points: the season's caps let no more count.");
    const late = { outcome: "outside-window", mergedAt: new Date("2020-06-16T00:00:00Z"), startsAt: new Date("2020-03-01T16:00:00Z"), endsAt: new Date("2020-05-30T15:59:59Z"), graceDays: 14, graceEndsAt: new Date("2020-06-13T15:59:59Z"), before: false, daysPastEnd: 17, daysPastGrace: 3, daysBeforeStart: 0, graceApplies: true } as const;
    expect(say(late as unknown as PrDecision)).toBe("Merged 3 days after the season's grace period ended on June 13, 2020.");
    expect(say({ ...late, graceApplies: false } as unknown as PrDecision)).toBe("Merged 17 days after the season ended on May 30, 2020. The 14 days of grace count only for a pull request opened, or a task picked up, inside the season.");
    expect(say({ outcome: "held-by-other", taskId: 5739, holderId: 7 } as unknown as PrDecision)).toBe("tikv/tikv#5739 is held by user7: only the holder's pull request earns it.");
    expect(say({ outcome: "already-paid", taskId: 5739, paidPullRequestId: 121 } as unknown as PrDecision)).toBe("tikv/tikv#5739 was already paid to tikv/tikv#121.");
    expect(say({ outcome: "void", label: "spam" } as unknown as PrDecision)).toBe("Earned nothing: the maintainers labelled it “spam”.");
    expect(say({ outcome: "revoked", actorId: null, reason: "duplicate of #120" } as unknown as PrDecision)).toBe("Revoked by a maintainer: duplicate of #120");
    expect(say({ outcome: "gate", taskId: 5739, kind: "team-difficulty", needed: null, allowed: ["hard"], line: "" } as unknown as PrDecision)).toBe("Earned nothing: your team may take only hard tasks, and tikv/tikv#5739 is not one.");
    expect(say({ outcome: "bot" })).toBe("Bots do not score.");
  });
});

describe("outcome words in both languages (#19)", () => {
  const zh = (d: Partial<PrDecision> & Pick<PrDecision, "outcome">) => describeOutcome({ ...base, ...d } as PrDecision, names, "zh-CN");
  const late = { outcome: "outside-window", mergedAt: new Date("2020-06-16T00:00:00Z"), startsAt: new Date("2020-03-01T16:00:00Z"), endsAt: new Date("2020-05-30T15:59:59Z"), graceDays: 14, graceEndsAt: new Date("2020-06-13T15:59:59Z"), before: false, daysPastEnd: 17, daysPastGrace: 3, daysBeforeStart: 0, graceApplies: true } as const;
  const gate = {
    outcome: "gate",
    taskId: 5739,
    kind: "gate",
    needed: 200,
    allowed: null,
    line: "",
    lineWords: { key: "outcomes.rules.gate", values: { needed: 200, have: 0, difficulty: { difficulty: "medium" }, an: "no", from: { difficulty: "easy" }, hasFrom: "yes", repo: "tikv/tikv", perRepo: "no" } },
  };
  const stop = {
    outcome: "stopped",
    difficulty: "easy",
    atPoints: 600,
    have: 650,
    from: null,
    repo: null,
    line: "",
    lineWords: { key: "outcomes.rules.stop", values: { difficulty: { difficulty: "easy", capital: true }, atPoints: 600, have: 650, from: "", hasFrom: "no", repo: "", perRepo: "no" } },
  };

  it("English: a gate's and a stop's line inside the sentence, as the rules word them", () => {
    expect(say(gate as unknown as PrDecision)).toBe("Earned nothing: You need 200 more points from easy tasks before picking up a medium task (you have 0). — 200 more points were needed when it merged.");
    expect(say(stop as unknown as PrDecision)).toBe("Earned nothing: Easy tasks stop earning once you have 600 points (you have 650). (you had 650 points).");
    expect(say({ outcome: "scored", points: 1, taskId: null })).toBe("Earned 1 point.");
  });

  it("Simplified Chinese: the same facts, dates in Chinese, difficulties by the catalogue's names", () => {
    expect(zh({ outcome: "scored", points: 300 })).toBe("因 tikv/tikv#5739 获得 300 积分。");
    expect(zh(late as unknown as PrDecision)).toBe("在赛季宽限期于 2020年6月13日 结束后 3 天 合并。");
    expect(zh({ ...late, graceApplies: false } as unknown as PrDecision)).toBe("在赛季于 2020年5月30日 结束后 17 天 合并。14 天的宽限期只适用于在赛季内打开的 PR，或在赛季内认领的任务。");
    expect(zh({ outcome: "held-by-other", taskId: 5739, holderId: 7 } as unknown as PrDecision)).toBe("tikv/tikv#5739 已被 user7 认领：只有认领者的 PR 才能获得积分。");
    expect(zh(gate as unknown as PrDecision)).toBe("未获得积分：认领中等任务前，你还需要从简单任务中再获得 200 积分（你现在有 0 分）。——合并时还差 200 积分。");
    expect(zh(stop as unknown as PrDecision)).toBe("未获得积分：当你获得 600 积分后，简单任务不再计分（你现在有 650 分）。（你当时有 650 积分）。");
    expect(zh({ outcome: "revoked", actorId: null, reason: "duplicate" } as unknown as PrDecision)).toBe("已被 a maintainer 撤销：duplicate"); // a name given as text stays as given
    expect(zh({ outcome: "bot" })).toBe("机器人不计分。");
    expect(seasonDate(new Date("2020-05-30T16:00:00Z"), "+08:00", "zh-CN")).toBe("2020年5月31日");
  });

  it("a name given as words (a hidden holder) is rendered in the reader's language", () => {
    const anonymous: OutcomeNames = { ...names, person: () => ({ key: "common.anonymous" }) };
    const d = { ...base, outcome: "held-by-other", taskId: 5739, holderId: 7 } as unknown as PrDecision;
    expect(describeOutcome(d, anonymous)).toBe("tikv/tikv#5739 is held by a participant: only the holder's pull request earns it.");
    expect(describeOutcome(d, anonymous, "zh-CN")).toBe("tikv/tikv#5739 已被 一位参与者 认领：只有认领者的 PR 才能获得积分。");
  });
});
