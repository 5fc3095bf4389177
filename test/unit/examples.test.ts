import fs from "node:fs";
import { describe, expect, it } from "vitest";

/** The worked examples stay complete: between them they use every season-file field of the second round. */
const SECOND_ROUND = ["umbrellas", "companionRepos", "countAs", "formerNames", "excluded", "voidLabels", "registration", "prizes", "teams"];

const read = (file: string) => JSON.parse(fs.readFileSync(`docs/examples/${file}`, "utf8")) as Record<string, unknown>;

describe("docs/examples", () => {
  const s1 = read("season-1.json");
  const s2 = read("season-2.json");

  it("hold the two seasons with their real windows", () => {
    expect([s1.slug, s1.startsAt, s1.endsAt]).toEqual(["2019-s1-performance", "2019-11-04T00:00:00+08:00", "2020-02-04T23:59:59+08:00"]);
    expect([s2.slug, s2.startsAt, s2.endsAt]).toEqual(["2020-s2-usability", "2020-03-02T00:00:00+08:00", "2020-05-30T23:59:59+08:00"]);
  });

  it("use every second-round field between them, and the rules each season had", () => {
    for (const field of SECOND_ROUND) expect(field in s1 || field in s2, field).toBe(true);
    const rules1 = s1.rules as Record<string, unknown>;
    const rules2 = s2.rules as Record<string, unknown>;
    expect(rules1.stops).toEqual([{ difficulty: "easy", atPoints: 600 }]);
    expect(rules2.stops).toEqual([{ difficulty: "easy", atPoints: 200, perRepo: true }]);
    expect(rules1.picks).toEqual({ max: 1 });
    expect(rules2.picks).toEqual({ max: 1, perTeamMember: true, releaseAfterDays: 7 });
    const gates1 = rules1.gates as { waivedFrom?: string }[];
    expect(gates1.map((g) => g.waivedFrom)).toEqual(["active-contributor", "active-contributor"]);
    const teams = [...(s1.teams as Record<string, unknown>[]), ...(s2.teams as Record<string, unknown>[])];
    expect(teams.some((t) => "leftAt" in t)).toBe(true);
    expect(teams.some((t) => "difficulties" in t)).toBe(true);
  });

  it("every umbrella is in a listed repository", () => {
    for (const s of [s1, s2]) {
      const repos = new Set(s.repos as string[]);
      for (const u of s.umbrellas as { issue: string }[]) expect(repos.has(u.issue.split("#")[0]!), u.issue).toBe(true);
    }
  });
});
