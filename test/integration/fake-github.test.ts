import { graphql, GraphqlResponseError } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixturePullRequest } from "@/demo/program/fixture";
import { generateDemoProgram } from "@/demo/program/generate";
import { CONTROL_TOKEN_HEADER, startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";

/** The fake GitHub's GraphQL API, driven by the same client the importer uses. */

let fake: FakeGitHub;
let gql: typeof graphql;

beforeAll(async () => {
  fake = await startFakeGitHub({ fixture: generateDemoProgram(), controlToken: "stats-control-token" });
  gql = graphql.defaults({ baseUrl: fake.url, headers: { authorization: "token test-token" } });
});
afterAll(async () => {
  await fake?.close();
});

type Actor = { __typename: string; login: string; databaseId?: number; name?: string | null } | null;
type PrNode = {
  number: number; title: string; state: string; merged: boolean; mergedAt: string | null; author: Actor;
  mergedBy: { login: string } | null; labels: { nodes: { name: string }[]; totalCount: number };
  closingIssuesReferences: { totalCount: number; nodes: { number: number; repository: { nameWithOwner: string } }[] };
  comments: { totalCount: number; nodes: { id: string; databaseId: number; body: string; author: Actor }[] };
};

const PR_QUERY = /* GraphQL */ `
  fragment Who on Actor { __typename login ... on User { databaseId name } ... on Bot { databaseId } }
  query ($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      nameWithOwner
      pullRequest(number: $number) {
        number title state merged mergedAt author { ...Who } mergedBy { login }
        labels(first: 20) { nodes { name } totalCount }
        closingIssuesReferences(first: 10) { totalCount nodes { number repository { nameWithOwner } } }
        comments(first: 50) { totalCount nodes { id databaseId body author { ...Who } } }
      }
    }
  }`;

async function fetchPr(pr: FixturePullRequest): Promise<PrNode> {
  const [owner, name] = pr.repo.split("/");
  const data = await gql<{ repository: { pullRequest: PrNode } }>(PR_QUERY, { owner, name, number: pr.number });
  return data.repository.pullRequest;
}

describe("fake GitHub GraphQL", () => {
  it("answers a nested query with fragments from the fixture", async () => {
    const pr = fake.fixture.pullRequests.find((p) => p.closingIssues.length > 0 && p.comments.length > 0 && p.state === "MERGED");
    if (!pr) throw new Error("the demo fixture has a merged PR with closing issues and comments");
    const got = await fetchPr(pr);
    expect(got).toMatchObject({ number: pr.number, title: pr.title, state: "MERGED", merged: true, mergedAt: pr.mergedAt });
    expect(got.mergedBy?.login).toBe(pr.mergedBy?.replace(/\[bot\]$/, ""));
    expect(got.labels.nodes.map((l) => l.name)).toEqual(pr.labels);
    expect(got.closingIssuesReferences.nodes).toEqual(pr.closingIssues.map((n) => ({ number: n, repository: { nameWithOwner: pr.repo } })));
    expect(got.comments.totalCount).toBe(pr.comments.length);
    expect(got.comments.nodes.map((c) => c.body).sort()).toEqual(pr.comments.map((c) => c.body).sort());
    const user = fake.fixture.users.find((u) => u.login === pr.author);
    expect(got.author).toEqual({ __typename: "User", login: pr.author, databaseId: user?.databaseId, name: user?.name ?? null });
  });

  it("shows bots as Bot without the [bot] suffix, and deleted users as a null author", async () => {
    const botPr = fake.fixture.pullRequests.find((p) => p.author?.endsWith("[bot]"));
    const ghostPr = fake.fixture.pullRequests.find((p) => p.author === null);
    if (!botPr || !ghostPr) throw new Error("the demo fixture has a bot PR and a ghost PR");
    const bot = fake.fixture.users.find((u) => u.login === botPr.author);
    expect((await fetchPr(botPr)).author).toEqual({ __typename: "Bot", login: botPr.author?.replace(/\[bot\]$/, ""), databaseId: bot?.databaseId });
    const ghost = await fetchPr(ghostPr);
    expect(ghost.author).toBeNull();
    expect(ghost.comments.nodes.some((c) => c.author === null)).toBe(true);
  });

  it("refuses a field GitHub lacks with GitHub's validation error", async () => {
    const error = await gql(`query { repository(owner: "pingcap", name: "tidb") { issues(first: 5) { nodes { scoreFoo } } } }`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    const errors = (error as GraphqlResponseError<unknown>).errors ?? [];
    expect(errors[0]?.message).toBe("Field 'scoreFoo' doesn't exist on type 'Issue'");
    expect(errors[0]?.locations?.[0]?.line).toBe(1);
  });

  it("walks every pull request of a repository with cursors", async () => {
    const expected = fake.fixture.pullRequests.filter((p) => p.repo === "pingcap/tidb").map((p) => p.number).sort((a, b) => a - b);
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      type Page = { repository: { pullRequests: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { number: number }[] } } };
      const data: Page = await gql<Page>(`query ($after: String) { repository(owner: "pingcap", name: "tidb") {
          pullRequests(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } } }`, { after });
      const c = data.repository.pullRequests;
      expect(c.totalCount).toBe(expected.length);
      seen.push(...c.nodes.map((n) => n.number));
      pages += 1;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect([...seen].sort((a, b) => a - b)).toEqual(expected);
  });

  it("orders and filters issues like GitHub (orderBy, states, labels, filterBy.since)", async () => {
    const since = "2020-03-01T00:00:00Z";
    const data = await gql<{ repository: { issues: { nodes: { number: number; updatedAt: string; state: string; labels: { nodes: { name: string }[] } }[] } } }>(
      `query ($since: DateTime) { repository(owner: "pingcap", name: "tidb") {
        issues(first: 100, states: [OPEN, CLOSED], orderBy: { field: UPDATED_AT, direction: ASC }, filterBy: { since: $since, labels: ["challenge-program-2"] }) {
          nodes { number updatedAt state labels(first: 10) { nodes { name } } } } } }`, { since });
    const nodes = data.repository.issues.nodes;
    const expected = fake.fixture.issues.filter((i) => i.repo === "pingcap/tidb" && i.updatedAt >= since && i.labels.includes("challenge-program-2"));
    expect(nodes.map((n) => n.number).sort()).toEqual(expected.map((i) => i.number).sort());
    expect(nodes.map((n) => n.updatedAt)).toEqual([...nodes.map((n) => n.updatedAt)].sort());
  });

  it("enforces GitHub's page sizes", async () => {
    const message = (q: string) => gql(q).then(() => "no error", (e: unknown) => (e instanceof GraphqlResponseError ? e.errors?.[0]?.message : String(e)));
    expect(await message(`{ repository(owner: "pingcap", name: "tidb") { issues(first: 101) { nodes { number } } } }`))
      .toMatch(/^Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records\.$/);
    expect(await message(`{ repository(owner: "pingcap", name: "tidb") { issues { nodes { number } } } }`))
      .toMatch(/must provide a `first` or `last` value/);
    expect(await message(`{ repository(owner: "pingcap", name: "tidb") { issues(states: OPEN) { totalCount } } }`)).toBe("no error");
    expect(await message(`{ repository(owner: "pingcap", name: "nope") { id } }`)).toBe("Could not resolve to a Repository with the name 'pingcap/nope'.");
  });

  it("prices queries with GitHub's formula and reports it in rateLimit and headers", async () => {
    const cost = async (inner: string) =>
      (await gql<{ rateLimit: { cost: number; nodeCount: number } }>(`{ rateLimit { cost nodeCount } search(query: "repo:pingcap/tidb is:pr", type: ISSUE, first: 100) { nodes { ... on PullRequest { ${inner} } } } }`)).rateLimit;
    // 1 request for the search + 100 for the closing references of its 100 results = 101 → 1.
    expect(await cost("closingIssuesReferences(first: 10) { nodes { number } }")).toEqual({ cost: 1, nodeCount: 100 + 1000 });
    // Two nested connections: 1 + 100 + 100 = 201 → 2.
    expect((await cost("closingIssuesReferences(first: 10) { nodes { number } } comments(first: 20) { nodes { body } }")).cost).toBe(2);
    // Nested twice: 1 + 100 + 100×10 = 1101 → 11.
    expect((await cost("closingIssuesReferences(first: 10) { nodes { labels(first: 5) { nodes { name } } } }")).cost).toBe(11);

    const res = await fetch(`${fake.url}/api/graphql`, {
      method: "POST", headers: { authorization: "bearer header-token", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ viewer { login } rateLimit { limit remaining used resetAt } }" }),
    });
    const body = (await res.json()) as { data: { viewer: { login: string }; rateLimit: { limit: number; remaining: number; used: number; resetAt: string } } };
    expect(body.data.rateLimit).toMatchObject({ limit: 5000, remaining: 4999, used: 1 });
    expect(res.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect(res.headers.get("x-ratelimit-used")).toBe("1");
    expect(Number(res.headers.get("x-ratelimit-reset")) * 1000).toBe(Date.parse(body.data.rateLimit.resetAt));
    expect(Date.parse(body.data.rateLimit.resetAt) - Date.now()).toBeGreaterThan(3_500_000);
  });

  it("requires a token, and counts what it served", async () => {
    const res = await fetch(`${fake.url}/graphql`, { method: "POST", body: JSON.stringify({ query: "{ viewer { login } }" }) });
    expect(res.status).toBe(401);
    const malformed = await fetch(`${fake.url}/graphql`, { method: "POST", headers: { authorization: "Basic Zm9vOmJhcg==" }, body: "{}" });
    expect(malformed.status).toBe(401);
    expect(await malformed.json()).toMatchObject({ message: "Bad credentials" });
    fake.resetStats();
    await gql(`{ viewer { login } }`);
    expect(fake.stats()).toMatchObject({ requests: 1, graphqlRequests: 1, cost: 1, queries: ["{ viewer { login } }"] });
    const overHttp = (await (await fetch(`${fake.url}/_fake/stats`, { headers: { [CONTROL_TOKEN_HEADER]: "stats-control-token" } })).json()) as { graphqlRequests: number };
    expect(overHttp.graphqlRequests).toBe(1);
  });

  it("sees fixture changes: appended items at once, in-place edits after touch()", async () => {
    const template = fake.fixture.pullRequests.find((p) => p.repo === "pingcap/pd");
    if (!template) throw new Error("the demo fixture has pd pull requests");
    const number = 99_999;
    fake.fixture.pullRequests.push({ ...template, number, title: "appended by a test", comments: [] });
    const q = `{ repository(owner: "pingcap", name: "pd") { pullRequest(number: ${number}) { id title } } }`;
    const first = await gql<{ repository: { pullRequest: { id: string; title: string } } }>(q);
    expect(first.repository.pullRequest.title).toBe("appended by a test");
    const added = fake.fixture.pullRequests.at(-1);
    if (added) added.title = "edited in place";
    fake.touch();
    expect((await gql<{ repository: { pullRequest: { title: string } } }>(q)).repository.pullRequest.title).toBe("edited in place");
    const node = await gql<{ node: { __typename: string; number: number } }>(`query ($id: ID!) { node(id: $id) { __typename ... on PullRequest { number } } }`,
      { id: first.repository.pullRequest.id });
    expect(node.node).toEqual({ __typename: "PullRequest", number });
    fake.fixture.pullRequests.pop();
  });
});
