/** Issue #14: references by a repository's former name, and from a companion repository's pull requests. */
import { describe, expect, it } from "vitest";
import { currentRepoName, formerNameMap, mergeReferences, parseReferences, type Reference } from "@/lib/rules/references";

const renames = formerNameMap([{ "tikv/pd": ["pingcap/pd", "PingCAP/Placement-Driver"] }]);
const at = (repo: string, number: number, source: Reference["source"] = "reference"): Reference => ({ repo, number, source });

describe("formerNameMap", () => {
  it("maps each old name, lower-cased, to the current one", () => {
    expect([...renames]).toEqual([
      ["pingcap/pd", "tikv/pd"],
      ["pingcap/placement-driver", "tikv/pd"],
    ]);
  });
  it("never maps a current name away, and the first season to claim an old name keeps it", () => {
    const map = formerNameMap([{ "a/new": ["a/old", "b/live"] }, { "b/live": ["x/y"] }, { "c/other": ["a/old"] }]);
    expect(map.get("b/live")).toBeUndefined();
    expect(map.get("a/old")).toBe("a/new");
    expect(map.get("x/y")).toBe("b/live");
  });
  it("currentRepoName leaves unknown names as they are (lower-case)", () => {
    expect(currentRepoName("PingCAP/PD", renames)).toBe("tikv/pd");
    expect(currentRepoName("PingCAP/TiDB", renames)).toBe("pingcap/tidb");
    expect(currentRepoName("PingCAP/PD")).toBe("pingcap/pd");
  });
});

describe("parseReferences with former names", () => {
  const ctx = { repo: "tikv/pd", formerNames: renames };
  const cases: [string, string, Reference[]][] = [
    ["owner/repo#N by the old name", "Fixes pingcap/pd#123", [at("tikv/pd", 123)]],
    ["old name in another case", "close PingCAP/PD#7", [at("tikv/pd", 7)]],
    ["the second old name", "ref pingcap/placement-driver#8", [at("tikv/pd", 8)]],
    ["issue URL with the old name", "https://github.com/pingcap/pd/issues/2210", [at("tikv/pd", 2210, "url")]],
    ["Markdown link to the old name", "[this](https://github.com/pingcap/pd/issues/5)", [at("tikv/pd", 5, "url")]],
    ["prefixed, old name", "UCP pingcap/pd#9", [at("tikv/pd", 9, "prefixed")]],
    ["old and new name of one issue: one reference", "pingcap/pd#4 and tikv/pd#4", [at("tikv/pd", 4)]],
    ["the current name untouched", "tikv/pd#6", [at("tikv/pd", 6)]],
    ["a name that merely starts like the old one", "pingcap/pd-tools#3", [at("pingcap/pd-tools", 3)]],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(parseReferences(text, ctx)).toEqual(expected);
  });
  it("without formerNames the old name stays (today's behaviour)", () => {
    expect(parseReferences("pingcap/pd#123", { repo: "tikv/pd" })).toEqual([at("pingcap/pd", 123)]);
  });
  it("mergeReferences maps closing references too, merging them with the text's", () => {
    const text = parseReferences("pingcap/pd#11", ctx);
    expect(mergeReferences([{ repo: "pingcap/pd", number: 11 }], text, renames)).toEqual([{ repo: "tikv/pd", number: 11, source: "closing" }]);
  });
});

describe("parseReferences from a companion repository's pull request", () => {
  // tikv/titan holds no tasks: its PRs complete tikv/tikv's by naming them.
  const ctx = { repo: "tikv/titan", prefixes: ["UCP:"] };
  it("owner/repo#N names the task's repository", () => {
    expect(parseReferences("Fixes tikv/tikv#5739", ctx)).toEqual([at("tikv/tikv", 5739)]);
  });
  it("an issue URL of the task's repository", () => {
    expect(parseReferences("https://github.com/tikv/tikv/issues/5739", ctx)).toEqual([at("tikv/tikv", 5739, "url")]);
  });
  it("a bare #N stays in the companion repository (it matches no task there)", () => {
    expect(parseReferences("close #121", ctx)).toEqual([at("tikv/titan", 121)]);
  });
  it("a prefixed reference with the repository, with or without #", () => {
    expect(parseReferences("UCP: tikv/tikv#5739", ctx)).toEqual([at("tikv/tikv", 5739, "prefixed")]);
    expect(parseReferences("UCP 5739", ctx)).toEqual([at("tikv/titan", 5739, "prefixed")]);
  });
});
