import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { offsetOf, parseSeasonDocument } from "@/lib/seasons/season-file";
import { formatIssues } from "@/lib/util/zod-errors";

const valid = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;

function errorsOf(doc: unknown): string[] {
  const r = parseSeasonDocument(doc);
  return r.success ? [] : formatIssues(r.error);
}

describe("season file", () => {
  it("accepts the contract's example, alone, in a list, or under seasons", () => {
    expect(errorsOf(valid)).toEqual([]);
    expect(errorsOf([valid])).toEqual([]);
    expect(errorsOf({ seasons: [valid] })).toEqual([]);
    const r = parseSeasonDocument(valid);
    expect(r.success && r.data[0]?.graceDays).toBe(14);
  });

  it("fills defaults for optional fields", () => {
    const { rules: _r, graceDays: _g, teams: _t, maintainers: _m, unranked: _u, taskTitlePrefixes: _p, ...minimal } = valid;
    const r = parseSeasonDocument(minimal);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data[0]?.rules).toEqual({ caps: [], gates: [] });
      expect(r.data[0]?.graceDays).toBe(0);
    }
  });

  it.each([
    [{ rules: { caps: [{ difficulty: "easy", max: 600 }, { difficulty: "easy", perRepo: true, max: -1 }] } }, "rules.caps[1].max: expected a positive integer"],
    [{ rules: { caps: [{ difficulty: "easy", max: 1.5 }] } }, "rules.caps[0].max: expected a positive integer"],
    [{ rules: { caps: [{ difficulty: "legendary", max: 5 }] } }, "rules.caps[0].difficulty: unknown difficulty legendary"],
    [{ rules: { gates: [{ difficulty: "hard", minPoints: 10, from: "nope" }] } }, "rules.gates[0].from: unknown difficulty nope"],
    [{ slug: "Bad Slug" }, "slug: expected a slug of lower-case letters, digits and dashes"],
    [{ startsAt: "2020-03-02" }, "startsAt: expected an ISO 8601 date-time with a time zone"],
    [{ endsAt: "2020-03-01T00:00:00+08:00" }, "endsAt: must be after startsAt"],
    [{ repos: ["pingcap"] }, "repos[0]: expected a repository as owner/name"],
    [{ repos: ["pingcap/tidb", "PingCAP/TiDB"] }, "repos[1]: pingcap/tidb is listed twice"],
    [{ repos: [] }, "repos: expected at least one repository"],
    [{ difficulties: {} }, "difficulties: expected at least one difficulty"],
    [{ difficulties: { easy: "100" } }, "difficulties.easy: expected a positive integer"],
    [{ graceDays: 400 }, "graceDays: expected at most 365 days"],
    [{ maintainers: { "tikv/pd": ["x"] } }, "maintainers.tikv/pd: tikv/pd is not in repos"],
    [{ teams: [{ name: "a", members: [] }] }, "teams[0].members: expected at least one member"],
    [{ teams: [{ name: "a", members: ["bad login!"] }] }, "teams[0].members[0]: expected a GitHub login"],
    [{ timeZone: "Mars/Olympus" }, "timeZone: expected an IANA time zone such as Asia/Shanghai"],
    [{ extra: 1 }, "(root): Unrecognized key"],
    [{ name: "" }, "name: expected a name"],
  ])("refuses %j with the field path", (patch, expected) => {
    const errors = errorsOf({ ...valid, ...patch });
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
  });

  it("names the season's index in a list", () => {
    const errors = errorsOf([valid, { ...valid, slug: "s3", graceDays: -1 }]);
    expect(errors).toEqual(["[1].graceDays: expected a non-negative integer"]);
  });

  it("reads the zone offset of the start", () => {
    expect(offsetOf("2020-03-02T00:00:00+08:00")).toBe("+08:00");
    expect(offsetOf("2020-03-02T00:00:00Z")).toBe("UTC");
    expect(offsetOf("2020-03-02T00:00:00-05:30")).toBe("-05:30");
  });
});
