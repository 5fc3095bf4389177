import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PGLITE_DIR } from "../playwright.config";

test("the CLI applies a season inside the running server that holds the embedded database", async ({ page, request }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-e2e-cli-")), "season.json");
  const season = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...season, slug: "2021-s3", name: "Season Three", startsAt: "2021-03-01T00:00:00+08:00", endsAt: "2021-05-30T23:59:59+08:00" }));
  const run = () =>
    spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", "seasons", "apply", file], {
      encoding: "utf8",
      env: { ...process.env, PGLITE_DIR: E2E_PGLITE_DIR, DATABASE_URL: "" },
    });
  const first = run();
  // The diagnostic goes to stderr (contract: "so stdout is only the result"), and it is the only thing there.
  expect(first.stderr.trim()).toMatch(/^\(running inside the Podium server on port \d+, which holds the embedded database\)$/);
  expect(first.status).toBe(0);
  expect(first.stdout).not.toContain("running inside");
  expect(first.stdout).toMatch(/created\s+2021-s3/);
  expect(run().stdout).toMatch(/unchanged 2021-s3/);

  const seasons = (await (await request.get("/api/seasons")).json()) as { slug: string }[];
  expect(seasons.map((s) => s.slug)).toContain("2021-s3");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Season Three" })).toBeVisible();
});

test("the CLI's way into the server refuses any caller without the lock file's token, and runs nothing", async ({ request }) => {
  const grant = { command: "roles grant", payload: { login: "coldcache", role: "admin" } };
  const lock = JSON.parse(fs.readFileSync(`${E2E_PGLITE_DIR}.lock`, "utf8")) as { token?: string };
  expect(typeof lock.token).toBe("string");
  const attempts: Record<string, string>[] = [{}, { "x-podium-cli-token": "" }, { "x-podium-cli-token": "x".repeat(lock.token!.length) }, { "x-podium-cli-token": `${lock.token}x` }];
  for (const headers of attempts) {
    const res = await request.post("/api/internal/cli", { data: grant, headers: { ...headers, origin: "http://evil.example" } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden" });
  }
  // Nothing ran: revoking the role the refused calls asked for finds nothing to revoke.
  const revoke = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", "roles", "revoke", "coldcache", "admin"], {
    encoding: "utf8",
    env: { ...process.env, PGLITE_DIR: E2E_PGLITE_DIR, DATABASE_URL: "" },
  });
  expect(revoke.status).toBe(0);
  expect(revoke.stdout).toMatch(/unchanged: .*was not held/);
});

test("the CLI's way into the server refuses, even with the token, a payload the CLI would never send, and writes nothing", async ({ request }) => {
  const lock = JSON.parse(fs.readFileSync(`${E2E_PGLITE_DIR}.lock`, "utf8")) as { token: string };
  const season = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
  const evil = { ...season, slug: "../../evil", timeZone: "Mars/Base" };
  const res = await request.post("/api/internal/cli", {
    data: { command: "seasons apply", payload: { file: "x.json", seasons: [evil] } },
    headers: { "x-podium-cli-token": lock.token },
  });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: string };
  expect(body.error).toContain("payload.seasons[0].slug");
  expect(body.error).toContain("payload.seasons[0].timeZone");
  const seasons = (await (await request.get("/api/seasons")).json()) as { slug: string }[];
  expect(seasons.map((s) => s.slug)).not.toContain("../../evil");
  expect((await request.get("/")).status()).toBe(200);
});
