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
      expect(r.data[0]?.rules).toEqual({ caps: [], gates: [], stops: [] });
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
    // Issue #13 item 5: every class of malformed input is refused with its field path.
    [{ slug: "../../evil" }, "slug: expected a slug of lower-case letters, digits and dashes"],
    [{ slug: "a".repeat(65) }, "slug: expected a slug"],
    [{ timeZone: "Mars/Base" }, "timeZone: expected an IANA time zone"],
    [{ timeZone: "+05:30" }, "timeZone: expected an IANA time zone"],
    [{ startsAt: "2020-02-30T00:00:00+08:00" }, "startsAt: expected an ISO 8601 date-time with a time zone"],
    [{ endsAt: "2020-05-30T23:59:59" }, "endsAt: expected an ISO 8601 date-time with a time zone"],
    [{ teams: [{ name: "a", members: ["login-a", "Login-A"] }] }, "teams[0].members[1]: Login-A is a member twice"],
    [{ teams: [{ name: "a", members: ["x"] }, { name: "b", members: ["y", "X"] }] }, "teams[1].members[1]: X is already in team a"],
    [{ teams: [{ name: "a", members: ["x"] }, { name: "X", members: ["y"] }] }, "teams[1].name: X is also a member's login"],
    [{ teams: [{ name: "a", members: ["x"] }, { name: "A ", members: ["y"] }] }, "teams[1]: A is a team name used twice"],
    [{ name: "Season\u0000two" }, "name: must not contain NUL characters"],
    [{ teams: [{ name: "a\ud800", members: ["x"] }] }, "teams[0].name: must not contain lone surrogates"],
    [{ taskLabels: ["ok", "\udc00x"] }, "taskLabels[1]: must not contain lone surrogates"],
    [{ maintainers: { "pingcap/tidb\u0000": ["x"] } }, "maintainers.pingcap/tidb\u0000: key must not contain NUL characters"],
    [{ unranked: ["tab\there"] }, "unranked[0]: must not contain control characters"],
    [{ taskLabels: Array.from({ length: 120_000 }, (_, i) => `l${i}`) }, "taskLabels: expected at most 100 labels"],
    [{ repos: Array.from({ length: 501 }, (_, i) => `o/r${i}`) }, "repos: expected at most 500 repositories"],
    [{ teams: [{ name: "a", members: Array.from({ length: 51 }, (_, i) => `m${i}`) }] }, "teams[0].members: expected at most 50 members"],
    [{ teams: Array.from({ length: 1001 }, (_, i) => ({ name: `t${i}`, members: [`m${i}`] })) }, "teams: expected at most 1000 teams"],
    [{ unranked: Array.from({ length: 1001 }, (_, i) => `u${i}`) }, "unranked: expected at most 1000 entries"],
    [{ difficulties: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`d${i}`, 1])) }, "difficulties: expected at most 50 difficulties"],
    [{ maintainers: { "pingcap/tidb": Array.from({ length: 101 }, (_, i) => `m${i}`) } }, "maintainers.pingcap/tidb: expected at most 100 maintainers"],
    [{ rules: { caps: Array.from({ length: 101 }, () => ({ difficulty: "easy", max: 1 })) } }, "rules.caps: expected at most 100 caps"],
    [{ taskLabels: ["challenge", "Challenge "] }, "taskLabels[1]: Challenge is listed twice"],
    [{ taskTitlePrefixes: ["UCP:", "ucp:"] }, "taskTitlePrefixes[1]: ucp: is listed twice"],
    [{ unranked: ["staff", "STAFF"] }, "unranked[1]: STAFF is listed twice"],
    [{ maintainers: { "pingcap/tidb": ["a", "A"] } }, "maintainers.pingcap/tidb[1]: A is listed twice"],
    [{ maintainers: { "pingcap/tidb": ["a"], "PingCAP/tidb": ["b"] } }, "maintainers.PingCAP/tidb: PingCAP/tidb is listed twice"],
    [{ repos: ["pingcap/.."] }, "repos[0]: expected a repository as owner/name"],
    [{ repos: ["-pingcap/tidb"] }, "repos[0]: expected a repository as owner/name"],
    [{ repos: ["ping cap/tidb"] }, "repos[0]: expected a repository as owner/name"],
    [{ repos: ["pingcap/ti db"] }, "repos[0]: expected a repository as owner/name"],
  ])("refuses bad input with the field path (case %#)", (patch, expected) => {
    const errors = errorsOf({ ...valid, ...patch });
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)));
  });

  it("names the season's index in a list", () => {
    const errors = errorsOf([valid, { ...valid, slug: "s3", graceDays: -1 }]);
    expect(errors).toEqual(["[1].graceDays: expected a non-negative integer"]);
  });

  it("refuses two seasons with one slug, naming the second", () => {
    expect(errorsOf([valid, { ...valid, name: "again" }])).toEqual(["[1].slug: season 2020-s2 appears twice in the file"]);
    expect(errorsOf({ seasons: [valid, valid] })).toEqual(["seasons[1].slug: season 2020-s2 appears twice in the file"]);
  });

  it("refuses documents nested deeper than any season file", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i += 1) deep = [deep];
    expect(errorsOf({ ...valid, rules: deep })[0]).toMatch(/^rules(\[0\])+: nested more than 12 levels deep$/);
  });

  it("trims and NFC-normalizes every string, so two spellings parse to the same season", () => {
    const nfd = "Saison \u0065\u0301t\u0065\u0301"; // "été" with combining accents
    const messy = { ...valid, name: `  ${nfd}  `, taskLabels: [" challenge-program-2 "], teams: [{ name: " dot-star ", members: [" login-a", "login-b "], joinedAt: "2020-03-10T00:00:00+08:00" }] };
    const tidy = { ...valid, name: "Saison \u00e9t\u00e9", taskLabels: ["challenge-program-2"] };
    const a = parseSeasonDocument(messy);
    const b = parseSeasonDocument(tidy);
    expect(a.success && b.success).toBe(true);
    expect(a.data).toEqual(b.data);
    expect(a.data?.[0]?.name).toBe("Saison \u00e9t\u00e9");
  });

  it("refuses a __proto__ key (a record would drop it silently)", () => {
    const doc = JSON.parse(`{"maintainers": {"__proto__": ["x"]}}`) as object;
    expect(errorsOf({ ...valid, ...doc })).toEqual(["maintainers.__proto__: key not allowed"]);
  });

  it("reads the zone offset of the start", () => {
    expect(offsetOf("2020-03-02T00:00:00+08:00")).toBe("+08:00");
    expect(offsetOf("2020-03-02T00:00:00Z")).toBe("UTC");
    expect(offsetOf("2020-03-02T00:00:00-05:30")).toBe("-05:30");
  });
});
