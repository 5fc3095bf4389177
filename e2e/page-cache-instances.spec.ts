import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_PG_URL, PGLITE_PORT } from "../playwright.config";
import { applyFromAnotherProcess, expectServedFromCache, readsUntil, isolatedSeason } from "./page-cache-helpers";

/**
 * Issue #17: three real instances of the build (scripts/server.ts, as `npm start` and `npm run cluster` serve it) on
 * the e2e PostgreSQL, each with its own Next cache.
 * A write in another process (the CLI) shows on all three; a change behind Podium's back shows on none (each
 * serves its cached copy). Not demo mode (no import at boot): a token for a GitHub that is never asked.
 */
const PORTS = [PGLITE_PORT + 20, PGLITE_PORT + 21, PGLITE_PORT + 22];
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: E2E_PG_URL,
    PGLITE_DIR: "",
    AUTH_SECRET: "e2e-three-instances-secret-not-a-real-one",
    GITHUB_TOKEN: "not-a-real-token",
    GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql",
    PODIUM_SYNC_INTERVAL_SECONDS: "0",
    PODIUM_BOT_COMMENTS: "off",
  };
  for (const port of PORTS) {
    // Not `next start -H 127.0.0.1`: with -H, Next 16.4 builds the proxy's request URL with `localhost` but matches a
    // rewrite's destination against the -H host, so the proxy's same-site rewrites (lib/cache/rendered.ts) would be
    // taken for another site's. scripts/server.ts names its host for both.
    children.push(spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { env: { ...env, PORT: String(port) }, stdio: "ignore" }));
  }
  const deadline = Date.now() + 150_000;
  for (const port of PORTS) {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the instance on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
});

test.afterAll(() => {
  for (const child of children) child.kill("SIGTERM");
});

test("a write in another process shows on all three instances' cached pages", async ({ request }) => {
  expect(fs.existsSync(".next/BUILD_ID")).toBe(true);
  const season = isolatedSeason("2023-three", "Three Instances", 2023);
  applyFromAnotherProcess(season);
  const page = (port: number) => `http://127.0.0.1:${port}/seasons/2023-three`;
  for (const port of PORTS) expect(await readsUntil(request, page(port), "Three Instances")).toBeGreaterThanOrEqual(1);

  await expectServedFromCache(request, PORTS.map(page), "2023-three", "Three Instances");

  applyFromAnotherProcess({ ...season, name: "Three Instances Renamed" });
  const reads: number[] = [];
  for (const port of PORTS) reads.push(await readsUntil(request, page(port), "Three Instances Renamed"));
  expect(reads).toHaveLength(3);
});
