import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { desc } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { syncRuns } from "@/db/schema";
import { applyDemoProgram } from "@/demo/program/seed";
import { generateDemoProgram } from "@/demo/program/generate";
import { createGitHubClient } from "@/lib/github/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { errorText } from "@/lib/security/redact";
import { runSync } from "@/lib/sync/run-sync";
import { createDatabase } from "../harness/postgres-server";

/** A sync that fails because of its token leaves the token in no log line and no sync history row. */

const TOKEN = "ghp_" + "Q7w8E9r0T1y2U3i4O5p6A7s8D9f0G1h2J3k4";
const quiet = { sleep: async () => {}, maxRetries: 0 };

let fake: FakeGitHub;
let logged: string[];
const consoleMethods = ["log", "info", "warn", "error", "debug"] as const;

beforeAll(async () => {
  fake = await startFakeGitHub({ fixture: generateDemoProgram(), strictTokens: true });
  // The server's own configuration, read once by env() on first use below.
  Object.assign(process.env, {
    DATABASE_URL: await createDatabase(inject("pgUrl"), `secrets_${process.pid}`),
    GITHUB_TOKEN: TOKEN,
    GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
    GITHUB_URL: fake.url,
    GITHUB_API_URL: `${fake.url}/api/v3`,
    AUTH_GITHUB_ID: "",
    AUTH_GITHUB_SECRET: "",
    AUTH_SECRET: "s".repeat(40),
  });
  const { getDb } = await import("@/db");
  await applyDemoProgram(await getDb());
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await fake?.close();
});

function captureConsole() {
  logged = [];
  for (const m of consoleMethods) vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
}

async function lastRun() {
  const { getDb } = await import("@/db");
  const [run] = await (await getDb()).select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1);
  return run;
}

describe("secrets in errors", () => {
  it("a sync started from the web with a token GitHub refuses: not in the log, not in the history", async () => {
    captureConsole();
    const { startBackgroundSync } = await import("@/lib/sync/start-background-sync");
    const runId = await startBackgroundSync({ season: "2020-s2", startedBy: "tester" });
    await vi.waitFor(async () => expect(await lastRun()).toMatchObject({ id: runId, status: "failed" }), { timeout: 20_000 });
    await vi.waitFor(() => expect(logged.join("\n")).toMatch(/sync of 2020-s2 failed/));
    const run = await lastRun();
    expect(run?.error).toMatch(/GitHub refused the token/);
    expect(JSON.stringify(run)).not.toContain(TOKEN);
    expect(logged.join("\n")).not.toContain(TOKEN);
  });

  it("a token with a pasted line break (fetch quotes the whole header in its error): not in the history, not in the logged text", async () => {
    captureConsole();
    const { getDb } = await import("@/db");
    const broken = `${TOKEN}\nsecond-line-of-the-paste`;
    const error = await runSync(await getDb(), { client: createGitHubClient({ url: `${fake.url}/graphql`, token: broken, ...quiet }), trigger: "test", season: "2020-s2" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const run = await lastRun();
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/GitHub answered HTTP 500|could not reach GitHub/);
    const texts = [JSON.stringify(run), (error as Error).message, errorText(error, { stack: true }), logged.join("\n")];
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("Q7w8E9r0T1y2U3i4");
    }
  });

  it("a front that quotes the token in its refusal (a proxy, an Enterprise gateway): the quote is blanked", async () => {
    captureConsole();
    const front = createServer((req, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `Forbidden: ${req.headers.authorization ?? ""} is not allowed from this network` }));
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}/graphql`;
      const { getDb } = await import("@/db");
      const error = await runSync(await getDb(), { client: createGitHubClient({ url, token: TOKEN, ...quiet }), trigger: "test", season: "2020-s2" }).catch((e: unknown) => e);
      console.error(`podium: sync failed: ${errorText(error)}`);
      const run = await lastRun();
      expect(run?.error).toMatch(/GitHub refused the request \(403\): Forbidden: bearer \[redacted\] is not allowed/);
      for (const text of [JSON.stringify(run), (error as Error).message, logged.join("\n")]) expect(text).not.toContain(TOKEN);
    } finally {
      await new Promise((resolve) => front.close(resolve));
    }
  });
});
