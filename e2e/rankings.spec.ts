import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eDb, signInAs } from "./fixtures";

const SHOTS = "e2e/screenshots";

/** A large season written straight into the database: 130 ranked participants (paging needs more than 50). */
async function seedLargeSeason() {
  const sql = e2eDb();
  try {
    await sql.begin(async (tx) => {
      const [existing] = await tx`select id from seasons where slug = 'e2e-large'`;
      if (existing) return;
      const [repo] = await tx`insert into repositories (full_name) values ('e2e/large') on conflict (full_name) do update set full_name = excluded.full_name returning id`;
      const [season] = await tx`insert into seasons (slug, name, starts_at, ends_at, time_zone, task_labels, task_title_prefixes, difficulties, rules, grace_days, unranked)
        values ('e2e-large', 'Large Season', '2021-01-01T00:00:00Z', '2021-06-30T00:00:00Z', 'UTC', '[]', '[]', '{"easy":100,"medium":300,"hard":1000}', '{"caps":[],"gates":[]}', 0, '[]') returning id`;
      await tx`insert into season_repositories (season_id, repository_id, position) values (${season!.id}, ${repo!.id}, 0)`;
      for (let i = 0; i < 130; i++) {
        const [p] = await tx`insert into participants (github_id, login, name) values (${8_000_000 + i}, ${`large-${String(i).padStart(3, "0")}`}, ${`Large ${i}`})
          on conflict do nothing returning id`;
        await tx`insert into season_totals (season_id, participant_id, points, raw_points, tasks, by_difficulty, reached_at)
          values (${season!.id}, ${p!.id}, ${10_000 - i * 50}, ${10_000 - i * 50}, 3, '{"easy":{"tasks":3,"score":300}}', ${new Date(Date.UTC(2021, 1, 1, 0, i)).toISOString()})`;
      }
    });
  } finally {
    await sql.end();
  }
}

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await seedLargeSeason();
});

test("the ranking filters by repository and leads to a profile", async ({ page }) => {
  await page.goto("/seasons/2020-s2");
  const ranking = page.getByTestId("ranking");
  await expect(ranking.getByRole("row")).not.toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/ranking-desktop.png`, fullPage: true });
  await page.getByLabel("Repository").selectOption("pingcap/pd");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/repo=pingcap%2Fpd/);
  const first = ranking.getByRole("row").nth(1);
  const login = (await first.getByRole("link").textContent())?.match(/@([\w-]+)/)?.[1];
  expect(login).toBeTruthy();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/u/${login}$`));
  await expect(page.getByTestId("profile-season").first()).toContainText("points");
  await expect(page.locator("svg.chart").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/profile-desktop.png`, fullPage: true });
});

test("a large season pages, and a participant far down sees their own place", async ({ page, context }) => {
  await page.goto("/seasons/e2e-large");
  await expect(page.getByText("Page 1 of 3")).toBeVisible();
  await expect(page.getByTestId("ranking").getByRole("row")).toHaveCount(51);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await expect(page.getByTestId("ranking")).toContainText("large-050");
  await signInAs(context, "large-120");
  await page.goto("/seasons/e2e-large");
  await expect(page.getByTestId("own-standing")).toContainText("You are #121 with 4000 points");
  await page.getByRole("link", { name: "Show my row" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await expect(page.getByTestId("ranking").locator("tr.me")).toContainText("large-120");
});

test("the CSV download has a header and the ranking's rows", async ({ page }) => {
  await page.goto("/seasons/e2e-large");
  const download = page.waitForEvent("download");
  await page.getByTestId("csv-link").click();
  const file = await (await download).path();
  const lines = fs.readFileSync(file, "utf8").trim().split("\r\n");
  expect(lines[0]).toBe("rank,login,name,score,tasks,easy_tasks,easy_score,medium_tasks,medium_score,hard_tasks,hard_score");
  expect(lines).toHaveLength(131);
  expect(lines[1]).toBe("1,large-000,Large 0,10000,3,3,300,0,0,0,0");
});

test("teams, all-time, tasks and the map render; screenshots for review @mobile", async ({ page }, info) => {
  const suffix = info.project.name.includes("mobile") ? "mobile" : "desktop";
  await page.goto("/seasons/2020-s2?view=teams");
  await expect(page.getByTestId("team-ranking")).toContainText("four-nines");
  await page.goto("/rankings");
  await expect(page.getByTestId("all-time")).toContainText("raftwalker");
  await page.goto("/seasons/2020-s2/tasks");
  await expect(page.getByTestId("tasks")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tasks-${suffix}.png`, fullPage: true });
  await page.goto("/seasons/2020-s2");
  await page.screenshot({ path: `${SHOTS}/ranking-${suffix}.png`, fullPage: true });
  await page.goto("/map");
  await page.screenshot({ path: `${SHOTS}/map-${suffix}.png`, fullPage: true });
});

test("the tasks page filters by skill from the contributor map", async ({ page }) => {
  await page.goto("/seasons/2020-s2/tasks?skill=Rust");
  const rows = page.getByTestId("tasks").getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const texts = await rows.allTextContents();
  for (const text of texts.slice(1)) expect(text).toMatch(/tikv\//);
  await page.goto("/seasons/2020-s2/tasks?skill=Yacc");
  const yacc = await page.getByTestId("tasks").getByRole("row").allTextContents().catch(() => []);
  for (const text of yacc.slice(1)) expect(text).toMatch(/pingcap\/tidb/);
});
