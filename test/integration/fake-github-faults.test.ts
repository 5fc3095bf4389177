import { graphql, GraphqlResponseError } from "@octokit/graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_TOKEN_HEADER, startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { syntheticFixture } from "@/demo/fake-github/synthetic";

/** Injected failures and the primary rate limit, as a client sees them. */

let fake: FakeGitHub;
const CONTROL = "faults-control-token";
const control = { [CONTROL_TOKEN_HEADER]: CONTROL };
let gql: typeof graphql;

beforeAll(async () => {
  fake = await startFakeGitHub({ fixture: syntheticFixture({ pullRequests: 50 }), rateLimit: 20, controlToken: CONTROL });
  gql = graphql.defaults({ baseUrl: fake.url, headers: { authorization: "token faults" } });
});
afterEach(async () => {
  fake.faults.clear();
  await fetch(`${fake.url}/_fake/reset`, { method: "POST", headers: control });
});
afterAll(async () => {
  await fake?.close();
});

const post = (query: string, token = "faults", signal?: AbortSignal) =>
  fetch(`${fake.url}/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query }),
    signal,
  });

const VIEWER = "{ viewer { login } }";

describe("fake GitHub faults", () => {
  it("502: an HTML bad gateway, then normal service", async () => {
    fake.faults.failNext("502");
    await expect(gql(VIEWER)).rejects.toMatchObject({ status: 502 });
    const res = await post(VIEWER);
    expect(res.status).toBe(200);
  });

  it("502 twice, raw", async () => {
    fake.faults.failNext("502", 2);
    for (let i = 0; i < 2; i++) {
      const res = await post(VIEWER);
      expect(res.status).toBe(502);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/502 Bad Gateway/);
    }
    expect((await post(VIEWER)).status).toBe(200);
  });

  it("secondary: 403 with retry-after and GitHub's message", async () => {
    fake.faults.failNext("secondary");
    const res = await post(VIEWER);
    expect(res.status).toBe(403);
    expect(res.headers.get("retry-after")).toBe("1");
    const body = (await res.json()) as { message: string; documentation_url: string };
    expect(body.message).toBe("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
    expect(body.documentation_url).toMatch(/^https:\/\/docs\.github\.com\//);
  });

  it("exhausted: 200 with a RATE_LIMITED error, remaining 0, reset two seconds ahead", async () => {
    fake.faults.failNext("exhausted");
    const res = await post(VIEWER);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(res.headers.get("x-ratelimit-reset"));
    expect(reset - Date.now() / 1000).toBeGreaterThan(0.5);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(3);
    const body = (await res.json()) as { errors: { type: string; message: string }[] };
    expect(body.errors[0]?.type).toBe("RATE_LIMITED");
    expect(body.errors[0]?.message).toMatch(/^API rate limit exceeded for user ID \d+\.$/);
    const error = await gql(VIEWER).then(() => null, (e: unknown) => e);
    expect(error).toBeNull();
  });

  it("timeout: no answer at all (the client gives up), and close() still returns", async () => {
    const slow = await startFakeGitHub({ fixture: syntheticFixture({ pullRequests: 1 }) });
    try {
      slow.faults.failNext("timeout");
      const started = Date.now();
      const res = fetch(`${slow.url}/graphql`, {
        method: "POST", headers: { authorization: "token t" }, body: JSON.stringify({ query: VIEWER }), signal: AbortSignal.timeout(700),
      });
      await expect(res).rejects.toThrow(/abort|timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(650);
      slow.faults.failNext("timeout");
      void fetch(`${slow.url}/graphql`, { method: "POST", headers: { authorization: "token t" }, body: JSON.stringify({ query: VIEWER }) })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      const closing = Date.now();
      await slow.close();
      expect(Date.now() - closing).toBeLessThan(2000);
    }
  });

  it("can be set over HTTP by another process", async () => {
    const set = await fetch(`${fake.url}/_fake/faults`, { method: "POST", headers: control, body: JSON.stringify({ failNext: { kind: "secondary", times: 2 } }) });
    expect(await set.json()).toEqual({ pending: ["secondary", "secondary"] });
    expect((await post(VIEWER)).status).toBe(403);
    expect((await post(VIEWER)).status).toBe(403);
    expect((await post(VIEWER)).status).toBe(200);
    const bad = await fetch(`${fake.url}/_fake/faults`, { method: "POST", headers: control, body: JSON.stringify({ failNext: { kind: "418" } }) });
    expect(bad.status).toBe(400);
  });
});

describe("fake GitHub primary rate limit", () => {
  it("spends each query's cost from a per-token hourly budget and refuses when it runs out", async () => {
    // Priced on the requested page sizes: 1 (search) + 100 (comments) + 100 (labels) = 201 requests → 2 points.
    const q = `{ search(query: "is:pr", type: ISSUE, first: 100) { nodes { ... on PullRequest { comments(first: 5) { totalCount } labels(first: 5) { totalCount } } } } }`;
    let remaining = 20;
    for (let i = 0; i < 10; i++) {
      const res = await post(q, "budget");
      expect(res.status).toBe(200);
      remaining -= 2;
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(remaining));
    }
    const refused = await post(q, "budget");
    expect(refused.status).toBe(200);
    expect(((await refused.json()) as { errors: { type: string }[] }).errors[0]?.type).toBe("RATE_LIMITED");
    // Another token has its own budget.
    expect((await post(q, "other")).headers.get("x-ratelimit-remaining")).toBe("18");
  });

  it("setRemaining simulates a nearly spent budget", async () => {
    fake.faults.setRemaining(3);
    const res = await post("{ rateLimit { remaining used limit } }", "nearly-spent");
    expect(((await res.json()) as { data: { rateLimit: unknown } }).data.rateLimit).toEqual({ remaining: 2, used: 18, limit: 20 });
    fake.faults.setRemaining(0);
    const error = await gql(VIEWER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]?.type).toBe("RATE_LIMITED");
  });
});
