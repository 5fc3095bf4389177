import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countsForSeason, toInstant } from "@/lib/rules/window";

// Season 2 of the TiDB Challenge Program, in China Standard Time.
const season = {
  startsAt: new Date("2020-03-02T00:00:00+08:00"),
  endsAt: new Date("2020-05-30T23:59:59+08:00"),
  graceDays: 14,
  repos: ["pingcap/tidb", "tikv/tikv"],
};
const noGrace = { ...season, graceDays: 0 };
const inside = new Date("2020-04-01T00:00:00Z");
const before = new Date("2020-02-01T00:00:00Z");
const pr = (mergedAt: string | Date | null, repo = "pingcap/tidb") => ({ mergedAt, repo });

describe("countsForSeason", () => {
  type Case = [string, Parameters<typeof countsForSeason>[0], Parameters<typeof countsForSeason>[2], boolean];
  const cases: Case[] = [
    ["merged inside", pr("2020-04-01T10:00:00Z"), undefined, true],
    ["repo case-insensitive", pr("2020-04-01T10:00:00Z", "PingCAP/TiDB"), undefined, true],
    ["Date object", pr(new Date("2020-04-01T10:00:00Z"), "tikv/tikv"), undefined, true],
    ["not merged", pr(null), { pickedUpAt: inside }, false],
    ["unlisted repo", pr("2020-04-01T10:00:00Z", "pingcap/pd"), undefined, false],
    ["unparseable date", pr("yesterday"), undefined, false],
    ["exactly at start (other zone)", pr("2020-03-01T16:00:00Z"), undefined, true],
    ["one second before start", pr("2020-03-01T15:59:59Z"), undefined, false],
    ["start, written as the previous local day elsewhere", pr("2020-03-01T23:00:00-01:00"), undefined, true],
    ["exactly at end", pr("2020-05-30T15:59:59Z"), undefined, true],
    ["end, written in another zone", pr("2020-05-30T08:59:59-07:00"), undefined, true],
    ["after end, no task", pr("2020-05-31T00:00:00Z"), undefined, false],
    ["after end, task picked up inside", pr("2020-06-05T00:00:00Z"), { pickedUpAt: inside }, true],
    ["after end, task opened inside", pr("2020-06-05T00:00:00Z"), { createdAt: inside }, true],
    ["after end, task picked up as an ISO string", pr("2020-06-05T00:00:00Z"), { pickedUpAt: "2020-05-29T00:00:00+08:00" }, true],
    ["after end, PR opened inside", { mergedAt: "2020-06-05T00:00:00Z", repo: "pingcap/tidb", createdAt: inside }, undefined, true],
    ["after end, task from before the season", pr("2020-06-05T00:00:00Z"), { createdAt: before, pickedUpAt: null }, false],
    ["after end, picked up after the end", pr("2020-06-05T00:00:00Z"), { pickedUpAt: new Date("2020-06-01T00:00:00Z") }, false],
    ["last second of grace", pr("2020-06-13T15:59:59Z"), { pickedUpAt: inside }, true],
    ["one second past grace", pr("2020-06-13T16:00:00Z"), { pickedUpAt: inside }, false],
    ["grace needs a listed repo", pr("2020-06-05T00:00:00Z", "pingcap/pd"), { pickedUpAt: inside }, false],
  ];
  it.each(cases)("%s", (_name, pull, task, expected) => {
    expect(countsForSeason(pull, season, task)).toBe(expected);
  });

  it("gives no grace when graceDays is 0, negative or not a number", () => {
    const late = pr("2020-06-01T00:00:00Z");
    for (const graceDays of [0, -3, Number.NaN]) {
      expect(countsForSeason(late, { ...noGrace, graceDays }, { pickedUpAt: inside })).toBe(false);
    }
  });

  it("accepts fractional grace days", () => {
    const late = pr("2020-05-31T03:00:00Z");
    expect(countsForSeason(late, { ...season, graceDays: 0.5 }, { pickedUpAt: inside })).toBe(true);
  });

  it("is independent of the zone an instant is written in", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2020-08-01T00:00:00Z") }),
        fc.integer({ min: -12, max: 14 }),
        (ms, offsetHours) => {
          const utc = new Date(ms).toISOString();
          const shifted = new Date(ms + offsetHours * 3_600_000).toISOString().replace("Z", "");
          const sign = offsetHours < 0 ? "-" : "+";
          const zoned = `${shifted}${sign}${String(Math.abs(offsetHours)).padStart(2, "0")}:00`;
          const task = { pickedUpAt: inside };
          expect(countsForSeason({ mergedAt: zoned, repo: "tikv/tikv" }, season, task)).toBe(
            countsForSeason({ mergedAt: utc, repo: "tikv/tikv" }, season, task),
          );
        },
      ),
    );
  });

  it("counts a merge inside the window regardless of the task", () => {
    fc.assert(
      fc.property(fc.integer({ min: season.startsAt.getTime(), max: season.endsAt.getTime() }), (ms) => {
        expect(countsForSeason({ mergedAt: new Date(ms), repo: "pingcap/tidb" }, noGrace, null)).toBe(true);
      }),
    );
  });
});

describe("toInstant", () => {
  it("reads dates and ISO strings, and refuses the rest", () => {
    expect(toInstant("2020-03-02T00:00:00+08:00")).toBe(Date.parse("2020-03-01T16:00:00Z"));
    expect(toInstant(new Date(5))).toBe(5);
    expect(toInstant(new Date("nope"))).toBeNull();
    expect(toInstant("nope")).toBeNull();
    expect(toInstant(null)).toBeNull();
    expect(toInstant(undefined)).toBeNull();
  });
});

describe("countsForSeason: companion repositories (issue #14)", () => {
  const withCompanion = { ...noGrace, options: { companionRepos: ["tikv/titan"] } };
  it("a companion repository's PR counts inside the window, in any case", () => {
    expect(countsForSeason(pr(inside, "TiKV/Titan"), withCompanion, null)).toBe(true);
    expect(countsForSeason(pr(before, "tikv/titan"), withCompanion, null)).toBe(false);
  });
  it("without the companion listed it does not", () => {
    expect(countsForSeason(pr(inside, "tikv/titan"), noGrace, null)).toBe(false);
    expect(countsForSeason(pr(inside, "tikv/titan"), { ...noGrace, options: { companionRepos: [] } }, null)).toBe(false);
  });
});
