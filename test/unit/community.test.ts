import { describe, expect, it } from "vitest";
import { communityImport, describeCommunityChange } from "@/cli/commands/community-import";
import { COMMUNITY_ROLES, roleAtLeast, sigsOf, sigsOwningModule, sigSubject, ZCommunityFile } from "@/lib/rules/community";
import { formatIssues } from "@/lib/util/zod-errors";

const errorsOf = (doc: unknown) => {
  const r = ZCommunityFile.safeParse(doc);
  return r.success ? [] : formatIssues(r.error);
};

describe("community roles", () => {
  it("are ordered as the governance seed's Developer Group", () => {
    expect(COMMUNITY_ROLES).toEqual(["contributor", "active-contributor", "reviewer", "committer", "maintainer"]);
  });

  it.each([
    ["contributor", "contributor", true],
    ["contributor", "active-contributor", false],
    ["active-contributor", "active-contributor", true],
    ["reviewer", "active-contributor", true],
    ["reviewer", "committer", false],
    ["committer", "reviewer", true],
    ["maintainer", "committer", true],
    ["active-contributor", "maintainer", false],
  ] as const)("roleAtLeast(%s, %s) is %s", (role, min, expected) => {
    expect(roleAtLeast(role, min)).toBe(expected);
  });

  it("no role is below every role", () => {
    for (const min of COMMUNITY_ROLES) {
      expect(roleAtLeast(null, min)).toBe(false);
      expect(roleAtLeast(undefined, min)).toBe(false);
    }
  });
});

describe("the members file", () => {
  it("accepts logins, roles and SIGs; sigs default to none", () => {
    const r = ZCommunityFile.safeParse([{ login: "a", role: "maintainer", sigs: ["sig-planner"] }, { login: "b-2", role: "contributor" }]);
    expect(r.success && r.data).toEqual([
      { login: "a", role: "maintainer", sigs: ["sig-planner"] },
      { login: "b-2", role: "contributor", sigs: [] },
    ]);
    expect(errorsOf([])).toEqual([]);
  });

  it.each([
    [[{ login: "a", role: "commiter" }], `[0].role: unknown community role "commiter"; expected one of contributor, active-contributor, reviewer, committer, maintainer`],
    [[{ login: "a", role: "active contributor" }], `[0].role: unknown community role "active contributor"; expected one of contributor, active-contributor, reviewer, committer, maintainer`],
    [[{ login: "a", role: "admin" }], `[0].role: unknown community role "admin"; expected one of contributor, active-contributor, reviewer, committer, maintainer`],
    [[{ login: "a" }], "[0].role: expected a community role (one of contributor, active-contributor, reviewer, committer, maintainer)"],
    [[{ login: "not a login", role: "reviewer" }], "[0].login: expected a GitHub login"],
    [[{ login: "a", role: "reviewer" }, { login: "b", role: "reviewer", sigs: ["Sig Planner"] }], "[1].sigs[0]: expected a SIG name of lower-case letters, digits and dashes (at most 64)"],
    [[{ login: "a", role: "reviewer", sigs: ["docs", "docs"] }], "[0].sigs[1]: SIG docs is listed twice"],
    [[{ login: "a", role: "reviewer", sigs: "docs" }], "[0].sigs: expected a list of SIG names"],
    [[{ login: "a", role: "reviewer", team: "x" }], `[0]: Unrecognized key: "team"`],
    [[{ login: "Ann", role: "reviewer" }, { login: "b", role: "reviewer" }, { login: "ann", role: "maintainer" }], "[2].login: ann is already listed at [0]"],
    [{ members: [] }, `(root): expected a list of members ([{ "login", "role", "sigs" }])`],
  ])("refuses %j naming the path", (doc, message) => {
    expect(errorsOf(doc)).toEqual([message]);
  });

  it("bounds the members and the SIGs per member", () => {
    const many = Array.from({ length: 20_001 }, (_v, i) => ({ login: `m${i}`, role: "contributor" }));
    expect(errorsOf(many)).toEqual(["(root): at most 20000 members"]);
    const sigs = Array.from({ length: 33 }, (_v, i) => `sig-${i}`);
    expect(errorsOf([{ login: "a", role: "reviewer", sigs }])).toEqual(["[0].sigs: at most 32 SIGs per member"]);
  });
});

describe("SIG views", () => {
  it("group members by SIG, highest role first, then by login", () => {
    expect(
      sigsOf([
        { login: "zed", role: "reviewer", sigs: ["sig-exec", "sig-planner"] },
        { login: "Amy", role: "reviewer", sigs: ["sig-planner"] },
        { login: "max", role: "maintainer", sigs: ["sig-planner"] },
        { login: "none", role: "committer", sigs: [] },
      ]),
    ).toEqual([
      { name: "sig-exec", members: [{ login: "zed", role: "reviewer" }] },
      { name: "sig-planner", members: [{ login: "max", role: "maintainer" }, { login: "Amy", role: "reviewer" }, { login: "zed", role: "reviewer" }] },
    ]);
  });

  it("name the module a SIG owns as a sig/ label would", () => {
    expect(sigSubject("sig-planner")).toBe("planner");
    expect(sigSubject("docs")).toBe("docs");
  });

  it("a SIG owns the modules its name names, and no other", () => {
    const sig = (name: string) => ({ name, members: [{ login: "a", role: "reviewer" as const }] });
    const sigs = [sig("sig-planner"), sig("sig-exec"), sig("multi-raft"), sig("sig-transaction")];
    expect(sigsOwningModule({ slug: "planner", name: "Planner" }, sigs).map((s) => s.name)).toEqual(["sig-planner"]);
    expect(sigsOwningModule({ slug: "multi-raft", name: "Multi-raft" }, sigs).map((s) => s.name)).toEqual(["multi-raft"]);
    expect(sigsOwningModule({ slug: "transaction-kv-api", name: "Transaction KV API" }, sigs)).toEqual([]);
    expect(sigsOwningModule({ slug: "executor", name: "Executor" }, sigs)).toEqual([]);
  });
});

describe("podium community import (the CLI's reading of the file)", () => {
  it("refuses a bad file with every path, before any database is touched", async () => {
    await expect(communityImport.prepare(["test/fixtures/community-bad.json"])).rejects.toThrow(
      [
        "test/fixtures/community-bad.json was refused; nothing was written:",
        `  [1].role: unknown community role "commiter"; expected one of contributor, active-contributor, reviewer, committer, maintainer`,
        "  [2].sigs[0]: expected a SIG name of lower-case letters, digits and dashes (at most 64)",
        `  [2]: Unrecognized key: "team"`,
      ].join("\n"),
    );
    await expect(communityImport.prepare([])).rejects.toThrow("usage: podium community import <members.json>");
    await expect(communityImport.prepare(["test/fixtures/nope.json"])).rejects.toThrow("cannot read test/fixtures/nope.json: ENOENT");
  });

  it("describes removals so the operator sees them", () => {
    expect(describeCommunityChange({ kind: "removed", login: "carol", was: { role: "reviewer", sigs: ["sig-exec"] } })).toBe(
      "removed  carol: was reviewer (SIGs: sig-exec); not in the file, so no longer holds a community role",
    );
  });
});
