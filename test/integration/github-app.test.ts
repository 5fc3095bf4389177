/**
 * Issue #16, item 3: GitHub App authentication end to end against the fake GitHub, with a key pair generated here.
 * The fake verifies the App's RS256 JWT with the public key and issues installation tokens that expire; with
 * `strictTokens` its GraphQL takes nothing else. An import runs on installation tokens; a token the fake lets
 * expire is replaced (on its 401, and before expiry by the source's own clock); the installation is found from the
 * season's owner; a wrong key is refused with a clear message.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { applyDemoProgram } from "@/demo/program/seed";
import { installationTokens } from "@/lib/github/app-auth";
import { createGitHubClient } from "@/lib/github/client";
import { githubClient, type GitHubEndpoints } from "@/lib/github/endpoints";
import { runSync } from "@/lib/sync/run-sync";
import { smallProgram } from "../factories/program";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerRows } from "../harness/ledger-snapshot";

const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } });
const other = crypto.generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

const APP_ID = 424242;
const PROGRAM = smallProgram({
  repo: "appco/widget",
  logins: ["ann", "bob"],
  seasons: [
    {
      slug: "app-season",
      name: "App Season",
      startsAt: "2020-03-01T00:00:00+00:00",
      endsAt: "2020-05-31T23:59:59+00:00",
      repos: ["appco/widget"],
      taskLabels: ["cp"],
      difficulties: { easy: 100, medium: 300, hard: 1000 },
    },
  ],
  tasks: [
    { number: 1, difficulty: "easy" },
    { number: 2, difficulty: "medium" },
  ],
  merges: [
    { author: "ann", task: 1, mergedAt: "2020-03-10T00:00:00Z" },
    { author: "bob", task: 2, mergedAt: "2020-04-05T00:00:00Z" },
  ],
});

describe.each(DRIVERS)("GitHub App authentication against the fake on %s", (kind) => {
  let h: DbHandle;
  let fake: FakeGitHub;
  const endpoints = (installationId: number | null, key = privateKey): GitHubEndpoints => ({
    webUrl: fake.url,
    apiUrl: `${fake.url}/api/v3`,
    graphqlUrl: `${fake.url}/graphql`,
    token: null,
    app: { appId: APP_ID, privateKey: key, installationId },
    demo: false,
  });

  beforeAll(async () => {
    fake = await startFakeGitHub({
      fixture: PROGRAM,
      strictTokens: true,
      app: { appId: APP_ID, publicKey, installations: [{ id: 7, account: "someone-else" }, { id: 31, account: "AppCo" }], tokenTtlSeconds: 3600 },
    });
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, PROGRAM);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it("imports with an installation token of the installation that owns the season's repository", async () => {
    const summary = await runSync(h.db, { client: githubClient(endpoints(null), ["appco/widget"]), trigger: "test", webBase: fake.url });
    expect(summary.pullRequests).toBe(2);
    expect(await ledgerRows(h.db)).toHaveLength(2);
    expect(fake.app!.issued).toBe(1);
    expect([...fake.app!.tokens.values()].map((t) => t.installationId)).toEqual([31]);
  });

  it("replaces a token the fake let expire (its 401) and goes on", async () => {
    const tokens = installationTokens({ app: { appId: APP_ID, privateKey, installationId: 31 }, apiUrl: `${fake.url}/api/v3`, repos: [] });
    const client = createGitHubClient({ url: `${fake.url}/graphql`, token: tokens, sleep: async () => {} });
    const first = await tokens.token();
    await runSync(h.db, { client, trigger: "test", full: true });
    expect(await tokens.token()).toBe(first);
    const issued = fake.app!.issued;
    fake.app!.expireTokens(); // on the fake, every token issued so far has expired (the source still trusts its own)
    const summary = await runSync(h.db, { client, trigger: "test", full: true });
    expect(summary.pullRequests).toBe(2);
    expect(fake.app!.issued).toBe(issued + 1);
    expect(await tokens.token()).not.toBe(first);
  });

  it("renews a token before it expires, by the source's own clock, without a refused query", async () => {
    let sourceNow = Date.now();
    const tokens = installationTokens({ app: { appId: APP_ID, privateKey, installationId: 31 }, apiUrl: `${fake.url}/api/v3`, repos: [], now: () => sourceNow });
    const first = await tokens.token();
    sourceNow += 54 * 60_000; // 6 minutes before its hour is up: still good
    expect(await tokens.token()).toBe(first);
    sourceNow += 2 * 60_000; // 4 minutes before: renewed
    const second = await tokens.token();
    expect(second).not.toBe(first);
    expect(fake.app!.check(second)).toBe("valid");
  });

  it("refuses a JWT signed with another key, saying what to check", async () => {
    const client = githubClient(endpoints(31, other.privateKey), []);
    await expect(client.query("query { viewer { login } }")).rejects.toThrow(/GitHub App authentication failed .*check GITHUB_APP_ID and the private key/);
  });

  it("names the installations when none owns the season's repositories", async () => {
    const client = githubClient(endpoints(null), ["elsewhere/repo"]);
    await expect(client.query("query { viewer { login } }")).rejects.toThrow(/installed on someone-else, AppCo, none of which owns elsewhere/);
  });
});
