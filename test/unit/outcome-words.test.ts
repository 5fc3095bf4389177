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
