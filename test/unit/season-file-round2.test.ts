import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { formatIssues } from "@/lib/util/zod-errors";

const full = JSON.parse(fs.readFileSync("test/fixtures/season-round2.json", "utf8")) as Record<string, unknown>;
const rulesOf = full.rules as Record<string, unknown>;

function errorsOf(doc: unknown): string[] {
  const r = parseSeasonDocument(doc);
  return r.success ? [] : formatIssues(r.error);
}
const withField = (patch: Record<string, unknown>) => ({ ...full, ...patch });

describe("season file: the second round's fields", () => {
  it("accepts a file using every field, and keeps what it says", () => {
    expect(errorsOf(full)).toEqual([]);
    const r = parseSeasonDocument(full);
    if (!r.success) throw new Error("refused");
    const s = r.data[0]!;
    expect(s.rules.stops).toEqual([
      { difficulty: "easy", atPoints: 600, perRepo: false },
      { difficulty: "easy", atPoints: 200, from: "easy", perRepo: true },
    ]);
    expect(s.rules.picks).toEqual({ max: 1, perTeamMember: true, releaseAfterDays: 7 });
    expect(s.rules.gates[0]?.waivedFrom).toBe("active-contributor");
    expect(s.teams[0]).toMatchObject({ leftAt: { "b-star": "2020-04-01T00:00:00+08:00" }, difficulties: ["hard"] });
    expect(s.countAs).toEqual({ "tikv/client-rust": "tikv/tikv" });
    expect(s.prizes).toHaveLength(3);
  });

  it("fills the defaults the contract gives (voidLabels invalid and spam; everything else empty)", () => {
    const { umbrellas: _u, companionRepos: _c, countAs: _a, formerNames: _f, excluded: _e, voidLabels: _v, registration: _r, prizes: _p, ...rest } = full;
    const r = parseSeasonDocument({ ...rest, rules: {} });
    if (!r.success) throw new Error(formatIssues(r.error).join("\n"));
    const s = r.data[0]!;
    expect(s.voidLabels).toEqual(["invalid", "spam"]);
    expect([s.umbrellas, s.companionRepos, s.excluded, s.prizes, s.rules.stops]).toEqual([[], [], [], [], []]);
    expect([s.countAs, s.formerNames, s.registration, s.rules.picks]).toEqual([{}, {}, undefined, undefined]);
  });

  it.each([
    // Contradictory rules, each refused with the field path.
    [{ rules: { ...rulesOf, stops: [{ difficulty: "easy", atPoints: 300 }] } }, "rules.stops[0].atPoints: easy tasks stop earning at 300, below the 400 points rules.gates[0] asks for from easy: that gate could never be met"],
    [{ rules: { ...rulesOf, caps: [{ difficulty: "easy", max: 200 }] } }, "rules.caps[0].max: easy is capped at 200, below the 400 points rules.gates[0] asks for from easy: that gate could never be met"],
    [{ umbrellas: [{ issue: "other/repo#5", points: 50 }] }, "umbrellas[0].issue: other/repo#5 is not in a repository of repos"],
    [{ umbrellas: [{ issue: "pingcap/tidb#5", points: 50, difficulty: "epic" }] }, "umbrellas[0].difficulty: unknown difficulty epic"],
    [{ umbrellas: [{ issue: "pingcap/tidb#5", points: 5 }, { issue: "PingCAP/tidb#5", points: 6 }] }, "umbrellas[1].issue: PingCAP/tidb#5 is listed twice"],
    [{ umbrellas: [{ issue: "pingcap/tidb", points: 5 }] }, "umbrellas[0].issue: expected an issue as owner/name#N"],
    [{ teams: [{ name: "x", members: ["a"], leftAt: { b: "2020-04-01T00:00:00+08:00" } }] }, "teams[0].leftAt.b: b is not a member of x"],
    [{ teams: [{ name: "x", members: ["a"], joinedAt: "2020-04-01T00:00:00+08:00", leftAt: { a: "2020-03-01T00:00:00+08:00" } }] }, "teams[0].leftAt.a: must be after the team's joinedAt"],
    [{ teams: [{ name: "x", members: ["a"], difficulties: ["epic"] }] }, "teams[0].difficulties[0]: unknown difficulty epic"],
    [{ teams: [{ name: "x", members: ["a"] }, { name: "y", members: ["A"] }] }, "teams[1].members[0]: A is already in team x"],
    [{ companionRepos: ["pingcap/tidb"] }, "companionRepos[0]: pingcap/tidb is already in repos"],
    [{ countAs: { "tikv/client-rust": "tikv/unlisted" } }, "countAs.tikv/client-rust: tikv/unlisted is not in repos"],
    [{ countAs: { "some/where": "tikv/tikv" } }, "countAs.some/where: some/where is not in repos or companionRepos"],
    [{ formerNames: { "tikv/pd": ["tikv/tikv"] } }, "formerNames.tikv/pd[0]: tikv/tikv is a current repository of the season"],
    [{ prizes: [{ name: "Gold", ranks: [1, 1], minPoints: 5 }] }, "prizes[0]: expected either ranks or minPoints"],
    [{ prizes: [{ name: "Gold", ranks: [3, 1] }] }, "prizes[0].ranks[1]: must not be below the first rank"],
    [{ prizes: [{ name: "Gold", ranks: [1, 1] }, { name: "gold", minPoints: 1 }] }, "prizes[1].name: gold is a prize name used twice"],
    [{ rules: { ...rulesOf, gates: [{ difficulty: "medium", minPoints: 1, waivedFrom: "guru" }] } }, "rules.gates[0].waivedFrom: expected one of contributor, active-contributor, reviewer, committer, maintainer"],
    [{ rules: { ...rulesOf, stops: [{ difficulty: "legend", atPoints: 5 }] } }, "rules.stops[0].difficulty: unknown difficulty legend"],
    [{ rules: { ...rulesOf, picks: { max: 0 } } }, "rules.picks.max: expected a positive integer"],
    [{ excluded: ["not a login"] }, "excluded[0]: expected a GitHub login"],
    [{ registration: { repo: "a/b" } }, "registration.titlePrefix: expected a title prefix"],
    [{ language: "fr" }, "language: expected en or zh-CN"],
  ])("refuses %j", (patch, message) => {
    expect(errorsOf(withField(patch))).toContain(message);
  });

  it("a per-repo stop does not contradict a season-wide gate (points come from several repositories)", () => {
    expect(errorsOf(withField({ rules: { ...rulesOf, stops: [{ difficulty: "easy", atPoints: 200, perRepo: true }] } }))).toEqual([]);
  });
});
