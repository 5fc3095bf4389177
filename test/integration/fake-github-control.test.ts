import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { CONTROL_TOKEN_HEADER, startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { syntheticFixture } from "@/demo/fake-github/synthetic";

/** The fake's test-control endpoints (`/_fake/*`) answer only a caller with its control token. */

const user = { login: "control-newcomer", databaseId: 4_400_777, name: "New Comer", avatarUrl: "https://x.invalid/a.png", type: "User" };
const mutate = (fake: FakeGitHub, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}/_fake/mutate`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ users: [user] }) });
const knows = (fake: FakeGitHub) => fake.fixture.users.some((u) => u.login === user.login);

const started: FakeGitHub[] = [];
afterAll(async () => {
  await Promise.all(started.map((f) => f.close()));
});
async function fakeWith(controlToken?: string) {
  const fake = await startFakeGitHub({ fixture: syntheticFixture({ pullRequests: 2 }), controlToken });
  started.push(fake);
  return fake;
}

describe("the fake GitHub's control endpoints", () => {
  it("refuse a write without the token, or with a wrong one, and change nothing", async () => {
    const fake = await fakeWith("the-control-token");
    const users = fake.fixture.users.length;
    for (const headers of [{} as Record<string, string>, { [CONTROL_TOKEN_HEADER]: "" }, { [CONTROL_TOKEN_HEADER]: "the-control-tokex" }, { [CONTROL_TOKEN_HEADER]: "the-control-token-and-more" }]) {
      expect((await mutate(fake, headers)).status).toBe(401);
    }
    for (const path of ["faults", "reset", "touch"]) {
      expect((await fetch(`${fake.url}/_fake/${path}`, { method: "POST", body: "{}" })).status).toBe(401);
    }
    expect((await fetch(`${fake.url}/_fake/stats`)).status).toBe(401);
    expect(fake.fixture.users.length).toBe(users);
    expect(knows(fake)).toBe(false);
    expect(fake.faults.pending()).toEqual([]);
  });

  it("accept the write with the token", async () => {
    const fake = await fakeWith("the-control-token");
    const res = await mutate(fake, { [CONTROL_TOKEN_HEADER]: "the-control-token" });
    expect(res.status).toBe(200);
    expect(knows(fake)).toBe(true);
    expect((await fetch(`${fake.url}/_fake/stats`, { headers: { [CONTROL_TOKEN_HEADER]: "the-control-token" } })).status).toBe(200);
  });

  it("are off when the fake has no control token", async () => {
    const fake = await fakeWith(undefined);
    expect((await mutate(fake, { [CONTROL_TOKEN_HEADER]: "" })).status).toBe(403);
    expect(knows(fake)).toBe(false);
  });

  it("in demo mode: the fake listens on loopback and wants the token from .data/", async () => {
    Object.assign(process.env, { AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "", GITHUB_TOKEN: "", PODIUM_DEMO_GITHUB_PORT: "0" });
    const { githubEndpoints, stopDemoGitHub, DEMO_CONTROL_TOKEN_FILE } = await import("@/lib/github/endpoints");
    try {
      const gh = await githubEndpoints();
      expect(gh.demo).toBe(true);
      expect(new URL(gh.webUrl).hostname).toBe("127.0.0.1");
      const post = (headers: Record<string, string>) =>
        fetch(`${gh.webUrl}/_fake/mutate`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ users: [user] }) });
      expect((await post({})).status).toBe(401);
      const token = fs.readFileSync(`.data/${DEMO_CONTROL_TOKEN_FILE}`, "utf8").trim();
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(`.data/${DEMO_CONTROL_TOKEN_FILE}`).mode & 0o077).toBe(0);
      expect((await post({ [CONTROL_TOKEN_HEADER]: token })).status).toBe(200);
      // Sign-in from the browser needs no token: the OAuth pages answer as before.
      expect((await fetch(`${gh.webUrl}/login/oauth/authorize?client_id=podium-demo&redirect_uri=http://localhost/cb&state=s`)).status).toBe(200);
    } finally {
      await stopDemoGitHub();
    }
  });
});
