import { graphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { generateDemoProgram } from "@/demo/program/generate";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { syntheticFixture } from "@/demo/fake-github/synthetic";

/** `search(type: ISSUE)` with GitHub's qualifiers, paging and 1,000-result cap. */

type Hit = { __typename: "Issue" | "PullRequest"; repository: { nameWithOwner: string }; number: number; updatedAt: string };
type SearchPage = { search: { issueCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Hit[] } };

const SEARCH = /* GraphQL */ `query ($q: String!, $after: String, $first: Int!) {
  search(query: $q, type: ISSUE, first: $first, after: $after) {
    issueCount pageInfo { hasNextPage endCursor }
    nodes { __typename ... on Issue { repository { nameWithOwner } number updatedAt } ... on PullRequest { repository { nameWithOwner } number updatedAt } }
  } }`;

async function searchAll(gql: typeof graphql, q: string, first = 100): Promise<{ issueCount: number; hits: Hit[]; pages: number }> {
  const hits: Hit[] = [];
  let after: string | null = null;
  let issueCount = 0;
  let pages = 0;
  for (;;) {
    const data: SearchPage = await gql<SearchPage>(SEARCH, { q, after, first });
    issueCount = data.search.issueCount;
    hits.push(...data.search.nodes);
    pages += 1;
    if (!data.search.pageInfo.hasNextPage) return { issueCount, hits, pages };
    after = data.search.pageInfo.endCursor;
  }
}

const key = (x: { repo: string; number: number }) => `${x.repo}#${x.number}`;
const hitKeys = (hits: Hit[]) => {
  expect(hits.length).toBeGreaterThan(0); // every case here should find something
  return hitKeys0(hits);
};
const hitKeys0 = (hits: Hit[]) => hits.map((h) => `${h.repository.nameWithOwner}#${h.number}`).sort();
const keys = (items: { repo: string; number: number }[]) => items.map(key).sort();

describe("fake GitHub search over the demo program", () => {
  let fake: FakeGitHub;
  let gql: typeof graphql;
  let prs: FixturePullRequest[];
  let issues: FixtureIssue[];
  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: generateDemoProgram() });
    gql = graphql.defaults({ baseUrl: fake.url, headers: { authorization: "bearer search" } });
    prs = fake.fixture.pullRequests;
    issues = fake.fixture.issues;
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("is:pr is:merged merged:A..B repo:x returns exactly the PRs merged in the range", async () => {
    const { issueCount, hits } = await searchAll(gql, "is:pr is:merged merged:2020-03-01..2020-04-15 repo:pingcap/tidb", 10);
    const expected = prs.filter((p) => p.repo === "pingcap/tidb" && p.mergedAt !== null
      && p.mergedAt >= "2020-03-01T00:00:00Z" && p.mergedAt <= "2020-04-15T23:59:59Z");
    expect(expected.length).toBeGreaterThan(10);
    expect(issueCount).toBe(expected.length);
    expect(hits.every((h) => h.__typename === "PullRequest")).toBe(true);
    expect(hitKeys(hits)).toEqual(keys(expected));
  });

  it("ORs several repo: qualifiers and supports date-time bounds", async () => {
    const from = "2020-04-01T12:00:00Z";
    const { hits } = await searchAll(gql, `repo:pingcap/pd repo:tikv/client-go type:pr merged:>=${from}`);
    const expected = prs.filter((p) => (p.repo === "pingcap/pd" || p.repo === "tikv/client-go") && p.mergedAt !== null && p.mergedAt >= from);
    expect(hitKeys(hits)).toEqual(keys(expected));
  });

  it("reads labels: comma = any of, repeated = all of, quoted, negated", async () => {
    const any = await searchAll(gql, "is:issue label:challenge-program,challenge-program-2");
    expect(hitKeys(any.hits)).toEqual(keys(issues.filter((i) => i.labels.some((l) => l === "challenge-program" || l === "challenge-program-2"))));
    const all = await searchAll(gql, 'is:issue label:"challenge-program-2" label:difficulty/hard');
    expect(hitKeys(all.hits)).toEqual(keys(issues.filter((i) => i.labels.includes("challenge-program-2") && i.labels.includes("difficulty/hard"))));
    const not = await searchAll(gql, "is:issue repo:tikv/tikv -label:challenge-program-2");
    expect(hitKeys(not.hits)).toEqual(keys(issues.filter((i) => i.repo === "tikv/tikv" && !i.labels.includes("challenge-program-2"))));
  });

  it("filters by state, author and created/updated ranges, and sorts", async () => {
    const open = await searchAll(gql, "is:issue is:open created:2020-03-01..2020-05-31 sort:updated-asc");
    const expected = issues.filter((i) => i.state === "OPEN" && i.createdAt >= "2020-03-01" && i.createdAt <= "2020-05-31T23:59:59Z");
    expect(hitKeys(open.hits)).toEqual(keys(expected));
    expect(open.hits.map((h) => h.updatedAt)).toEqual([...open.hits.map((h) => h.updatedAt)].sort());
    const bot = await searchAll(gql, "is:pr author:app/ti-chi-bot");
    expect(hitKeys(bot.hits)).toEqual(keys(prs.filter((p) => p.author === "ti-chi-bot[bot]")));
    const updated = await searchAll(gql, "is:pr is:closed -is:merged updated:<2020-01-01");
    expect(hitKeys(updated.hits)).toEqual(keys(prs.filter((p) => p.state === "CLOSED" && p.updatedAt < "2020-01-01")));
  });

  it("matches text in the title, body or comments", async () => {
    const title = await searchAll(gql, 'in:title "update dependencies"');
    expect(hitKeys(title.hits)).toEqual(keys(prs.filter((p) => p.title.toLowerCase().includes("update dependencies"))));
    const comments = await searchAll(gql, 'is:pr in:comments "/reward"');
    expect(hitKeys(comments.hits)).toEqual(keys(prs.filter((p) => p.comments.some((c) => c.body.includes("/reward")))));
    const words = await searchAll(gql, "umbrella Pick");
    expect(words.issueCount).toBeGreaterThan(0);
    expect(words.issueCount).toBe(issues.filter((i) => /\bumbrella\b/i.test(`${i.title} ${i.body}`) && /\bpick\b/i.test(`${i.title} ${i.body}`)).length
      + prs.filter((p) => [p.title, p.body, ...p.comments.map((c) => c.body)].some((t) => /\bumbrella\b/i.test(t))
        && [p.title, p.body, ...p.comments.map((c) => c.body)].some((t) => /\bpick\b/i.test(t))).length);
  });

  it("refuses qualifiers it cannot honour instead of ignoring them", async () => {
    await expect(gql(SEARCH, { q: "is:pr review:approved", first: 1 })).rejects.toThrow(/does not support the search qualifier "review:"/);
    await expect(gql(SEARCH, { q: "merged:yesterday", first: 1 })).rejects.toThrow(/Invalid date/);
  });
});

describe("fake GitHub search cap", () => {
  let fake: FakeGitHub;
  afterAll(async () => {
    await fake?.close();
  });

  it("reports the true issueCount but stops paging at 1,000 results", async () => {
    fake = await startFakeGitHub({ fixture: syntheticFixture({ repos: ["synth/alpha"], pullRequests: 1200, comments: 0 }) });
    const gql = graphql.defaults({ baseUrl: fake.url, headers: { authorization: "token cap" } });
    const { issueCount, hits, pages } = await searchAll(gql, "repo:synth/alpha is:pr");
    expect(issueCount).toBe(1200);
    expect(hits).toHaveLength(1000);
    expect(pages).toBe(10);
    expect(new Set(hitKeys0(hits)).size).toBe(1000);
    // Newest first by default: the 200 oldest are out of reach.
    expect(Math.min(...hits.map((h) => h.number))).toBe(201);
  });
});
