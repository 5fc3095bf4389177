import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ZFixture } from "@/demo/program/fixture";
import { analyzeCost } from "@/demo/fake-github/cost";
import { githubSchema } from "@/demo/fake-github/schema";
import { hasWord, parseDateRange, parseSearchQuery } from "@/demo/fake-github/search-query";
import { syntheticFixture } from "@/demo/fake-github/synthetic";

describe("search query syntax", () => {
  it("splits qualifiers, quoted values, comma lists, negation and free text", () => {
    expect(parseSearchQuery('repo:a/b -label:"good first issue",bug in:title "exact phrase" word is:pr')).toEqual([
      { kind: "qualifier", key: "repo", values: ["a/b"], negated: false, raw: "repo:a/b" },
      { kind: "qualifier", key: "label", values: ["good first issue", "bug"], negated: true, raw: '-label:"good first issue",bug' },
      { kind: "qualifier", key: "in", values: ["title"], negated: false, raw: "in:title" },
      { kind: "text", text: "exact phrase", phrase: true },
      { kind: "text", text: "word", phrase: false },
      { kind: "qualifier", key: "is", values: ["pr"], negated: false, raw: "is:pr" },
    ]);
  });

  it("reads date ranges inclusively, whole days for dates", () => {
    const t = (iso: string) => Date.parse(iso);
    const range = parseDateRange("2020-03-01..2020-03-31");
    expect(range?.(t("2020-03-01T00:00:00Z"))).toBe(true);
    expect(range?.(t("2020-03-31T23:59:59Z"))).toBe(true);
    expect(range?.(t("2020-04-01T00:00:00Z"))).toBe(false);
    expect(range?.(t("2020-02-29T23:59:59Z"))).toBe(false);
    expect(parseDateRange(">=2020-03-01")?.(t("2020-03-01T00:00:00Z"))).toBe(true);
    expect(parseDateRange(">2020-03-01")?.(t("2020-03-01T23:00:00Z"))).toBe(false);
    expect(parseDateRange("<2020-03-01")?.(t("2020-02-29T23:59:59Z"))).toBe(true);
    expect(parseDateRange("<=2020-03-01")?.(t("2020-03-01T23:59:59Z"))).toBe(true);
    expect(parseDateRange("*..2020-03-01T10:00:00Z")?.(t("2020-03-01T10:00:00Z"))).toBe(true);
    expect(parseDateRange("2020-03-01T10:00:00+08:00..*")?.(t("2020-03-01T02:00:00Z"))).toBe(true);
    expect(parseDateRange("2020-03-01T10:00:00")?.(t("2020-03-01T10:00:00Z"))).toBe(true);
    expect(parseDateRange("yesterday")).toBeNull();
  });

  it("matches whole words", () => {
    expect(hasWord("vectorize `foo` now", "foo")).toBe(true);
    expect(hasWord("foobar", "foo")).toBe(false);
  });
});

describe("rate-limit cost", () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(query);
    const op = getOperationAST(doc);
    if (!op) throw new Error("no operation");
    return analyzeCost(githubSchema(), doc, op, variables);
  };

  it("follows GitHub's documented example: 1 + 100 + 5,000 requests = 51 points", () => {
    const r = cost(`query ($n: Int) { viewer { login repositories(first: 100) { edges { node { id
      issues(first: $n) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`, { n: 50 });
    expect(r).toMatchObject({ requests: 5101, cost: 51, nodeCount: 100 + 5000 + 300_000, errors: [] });
  });

  it("counts fragments and has a minimum of 1", () => {
    expect(cost("{ viewer { login } }").cost).toBe(1);
    const r = cost(`fragment F on PullRequest { comments(first: 100) { nodes { body } } }
      { search(query: "x", type: ISSUE, first: 100) { nodes { ...F ... on Issue { comments(first: 100) { totalCount } } } } }`);
    expect(r.requests).toBe(201);
    expect(r.cost).toBe(2);
  });

  it("refuses more than 500,000 nodes", () => {
    const r = cost(`{ search(query: "x", type: ISSUE, first: 100) { nodes { ... on PullRequest {
      comments(first: 100) { nodes { reactions(first: 100) { nodes { id } } } } } } } }`);
    expect(r.errors[0]?.message).toMatch(/requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000/);
  });
});

describe("synthetic fixture", () => {
  it("is a valid fixture", () => {
    const result = ZFixture.safeParse(syntheticFixture({ repos: ["x/a", "x/b", "y/c"], pullRequests: 600, issues: 200 }));
    expect(result.error?.issues.slice(0, 3)).toBeUndefined();
  });
});
