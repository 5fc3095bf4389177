import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_PG_URL } from "../playwright.config";
import { e2eDb } from "./fixtures";

/** `podium seasons apply` in a process of its own, on the same PostgreSQL as the running server. */
/**
 * A season file of its own for these specs: the real season's rules, but a repository and label no other spec
 * uses, so the issues and webhooks of other specs (pingcap/pd's, in 2020-s2) never become its tasks too.
 */
export function isolatedSeason(slug: string, name: string, year: number): Record<string, unknown> {
  const base = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
  return {
    ...base, slug, name, startsAt: `${year}-03-01T00:00:00+08:00`, endsAt: `${year}-05-30T23:59:59+08:00`,
    repos: [`e2e/${slug}`], taskLabels: [`e2e-${slug}`], taskTitlePrefixes: [], maintainers: {}, teams: [], unranked: [],
  };
}

export function applyFromAnotherProcess(season: Record<string, unknown>): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-e2e-cache-")), "season.json");
  fs.writeFileSync(file, JSON.stringify(season));
  const run = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", "seasons", "apply", file], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_PG_URL, PGLITE_DIR: "" },
  });
  expect(run.stderr).not.toContain("running inside"); // its own process, not the server's CLI bridge
  expect(run.status, run.stderr).toBe(0);
}

/** Reloads `url` until its HTML contains `text` (at most 30 s); the number of reads it took. */
export async function readsUntil(request: APIRequestContext, url: string, text: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (let reads = 1; ; reads += 1) {
    const html = await (await request.get(url)).text();
    if (html.includes(text)) return reads;
    if (Date.now() > deadline) throw new Error(`${url} did not show "${text}" after ${reads} reads`);
    await new Promise((r) => setTimeout(r, 50));
  }
}


/**
 * Proves `urls` are served from the cache: the season is renamed with plain SQL (no command, so no notification),
 * and the pages still show the name they showed. A notification from anything else (another spec's write expires
 * every public entry) makes an attempt inconclusive: the test LISTENs too, and after the reads sends a marker of
 * its own, which arrives after every notification committed before it (one queue, in commit order).
 */
export async function expectServedFromCache(request: APIRequestContext, urls: string[], slug: string, nameNow: string): Promise<void> {
  const sql = e2eDb();
  const heard: string[] = [];
  const { unlisten } = await sql.listen("podium_cache", (payload) => void heard.push(payload));
  try {
    let shown = nameNow;
    for (let attempt = 1; attempt <= 20; attempt++) {
      for (const url of urls) await readsUntil(request, url, shown); // each instance has the entry
      const from = heard.length;
      const renamed = `Behind Its Back ${attempt}`;
      await sql`update seasons set name = ${renamed} where slug = ${slug}`;
      const pages = await Promise.all(urls.map(async (url) => (await request.get(url)).text()));
      const marker = `probe:${attempt}`;
      await sql`select pg_notify('podium_cache', ${marker})`;
      await until(() => heard.includes(marker));
      const others = heard.slice(from, heard.indexOf(marker));
      if (others.length === 0) {
        for (const html of pages) {
          expect(html).toContain(shown);
          expect(html).not.toContain(renamed);
        }
        return;
      }
      shown = renamed; // expired by someone else's write meanwhile: the pages now show the new name; again
    }
    throw new Error("other writes expired the cache in each of 20 attempts");
  } finally {
    await unlisten();
    await sql.end();
  }
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("the marker notification did not arrive");
    await new Promise((r) => setTimeout(r, 20));
  }
}
