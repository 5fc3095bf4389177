import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eDb, fakeControlHeaders } from "./fixtures";

/**
 * Issue #16, "done when": a participant comments `/pick-up-challenge` on the (demo's) fake GitHub, which sends the
 * signed `issue_comment` webhook to this server; the task page shows them holding it, the fake has exactly one
 * reply from the bot (posted through GraphQL `addComment` by the job queue), and GitHub's "Redeliver" changes nothing.
 */
const SLUG = "e2e-live";
const REPO = "pingcap/pd";
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** A season running now over the demo's repositories (the demo's own seasons ended in 2020). */
function applyLiveSeason(): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-e2e-live-")), "season.json");
  const season = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...season, slug: SLUG, name: "Live season", startsAt: stamp(Date.now() - 10 * 86_400_000), endsAt: stamp(Date.now() + 30 * 86_400_000) }));
  const run = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", "seasons", "apply", file], { encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.PODIUM_E2E_PG_URL } });
  expect(run.status, run.stderr).toBe(0);
}

async function fakeGitHubOf(page: Page): Promise<string> {
  await page.goto("/seasons/2020-s2");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
  return new URL(page.url()).origin;
}

async function botReplies(request: APIRequestContext, fake: string, number: number): Promise<string[]> {
  const res = await request.get(`${fake}/_fake/comments?repo=${REPO}&number=${number}`, { headers: fakeControlHeaders() });
  const { comments } = (await res.json()) as { comments: { body: string }[] };
  return comments.filter((c) => c.body.includes("<!-- podium:")).map((c) => c.body.split("\n")[0]!);
}

test("a /pick-up-challenge comment on GitHub picks the task up; the bot replies once; a redelivery changes nothing", async ({ page, request }) => {
  const sql = e2eDb();
  try {
    const [task] = await sql<{ number: number }[]>`
      select t.number from tasks t join seasons s on s.id = t.season_id join repositories r on r.id = t.repository_id
      where s.slug = '2020-s2' and r.full_name = ${REPO} and t.issue_state = 'open' and t.difficulty = 'easy' and t.active and t.score is not null
      order by t.number desc limit 1`;
    expect(task).toBeDefined();
    applyLiveSeason();
    const fake = await fakeGitHubOf(page);

    const said = await request.post(`${fake}/_fake/comment`, {
      headers: fakeControlHeaders(),
      data: { repo: REPO, number: task!.number, author: "coldcache", body: "I'll take this one.\n/pick-up-challenge" },
    });
    expect(said.status()).toBe(200);
    const { delivery } = (await said.json()) as { delivery: { id: string; status: number } };
    expect(delivery.status).toBe(200);

    const [live] = await sql<{ id: number }[]>`
      select t.id from tasks t join seasons s on s.id = t.season_id join repositories r on r.id = t.repository_id
      where s.slug = ${SLUG} and r.full_name = ${REPO} and t.number = ${task!.number}`;
    await page.goto(`/seasons/${SLUG}/tasks/${live!.id}`);
    await expect(page.locator("main")).toContainText("by coldcache");

    await expect.poll(() => botReplies(request, fake, task!.number), { timeout: 20_000 }).toHaveLength(1);
    expect((await botReplies(request, fake, task!.number))[0]).toMatch(/^@coldcache picked up this task \(easy, \d+ points\)\./);

    const again = await request.post(`${fake}/_fake/redeliver`, { headers: fakeControlHeaders(), data: { id: delivery.id } });
    expect(await again.json()).toEqual({ id: delivery.id, status: 200 });
    await page.waitForTimeout(3000); // time for a second reply's job to run, were there one
    expect(await botReplies(request, fake, task!.number)).toHaveLength(1);
    const rows = await sql`select outcome from comment_commands where task_id = ${live!.id}`;
    expect(rows.map((r) => r.outcome)).toEqual(["picked-up"]);
    await page.reload();
    await expect(page.locator("main")).toContainText("by coldcache");
  } finally {
    await sql`delete from seasons where slug = ${SLUG}`;
    await sql.end();
  }
});
