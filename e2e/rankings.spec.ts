import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { seasons } from "@/db/schema";
import { createLedgerEntries, createParticipant, createSeason, createTask, type LedgerEntryInput } from "../test/factories/db";
import { e2eDb, e2eDrizzle, signInAs } from "./fixtures";

const SHOTS = "e2e/screenshots";

/**
 * A large season from the test factories: 130 ranked participants (paging needs more than 50), each with
 * three easy tasks (300 points) and a maintainer's adjustment, so participant i has 10000 - 50·i points.
 */
async function seedLargeSeason() {
  const h = await e2eDrizzle();
  try {
    await h.db.transaction(async (tx) => {
      // The desktop and mobile projects run this at once in two workers: one seeds, the other waits and finds it.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('e2e-large'))`);
      const [existing] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "e2e-large"));
      if (existing) return;
      const season = await createSeason(tx, {
        slug: "e2e-large",
        name: "Large Season",
        startsAt: "2021-01-01T00:00:00Z",
        endsAt: "2021-06-30T00:00:00Z",
        repos: ["e2e/large"],
        difficulties: { easy: 100, medium: 300, hard: 1000 },
      });
      const easy = [];
      for (const number of [1, 2, 3]) easy.push(await createTask(tx, { season, number, difficulty: "easy" }));
      const entries: LedgerEntryInput[] = [];
      for (let i = 0; i < 130; i++) {
        const participant = await createParticipant(tx, { githubId: 8_000_000 + i, login: `large-${String(i).padStart(3, "0")}`, name: `Large ${i}` });
        const occurredAt = new Date(Date.UTC(2021, 1, 1, 0, i));
        for (const task of easy) entries.push({ season, participant, task, points: 100, occurredAt });
        entries.push({ season, participant, points: 10_000 - i * 50 - 300, kind: "adjustment", reason: "seeded for paging", occurredAt });
      }
      await createLedgerEntries(tx, entries);
    });
  } finally {
    await h.close();
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
  await expect(page.getByTestId("own-standing")).toContainText("You are #121 with 4,000 points");
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

/** The demo program's community (demo/program/generate.ts): plan-pilot reviews in sig-planner, which owns Planner. */
test("a profile shows its community role and SIGs, and the map shows each SIG beside the module it owns", async ({ page }) => {
  await page.goto("/u/plan-pilot");
  const standing = page.getByTestId("community-role");
  await expect(standing).toContainText("Reviewer");
  await expect(standing).toContainText("SIG: sig-planner");
  await standing.getByRole("link", { name: "sig-planner" }).click();
  await expect(page).toHaveURL(/\/map#sig-sig-planner$/);
  await expect(page.getByTestId("map-sigs").getByTestId("map-sig").filter({ hasText: "sig-planner" })).toContainText(
    "@planner-pat, @plan-pilot, @cbo-crow",
  );
  const planner = page.getByTestId("map-module").filter({ has: page.getByText("Planner", { exact: true }) });
  await expect(planner.getByTestId("map-module-sig")).toHaveText("sig-planner: @planner-pat, @plan-pilot, @cbo-crow");
  await page.goto("/u/hex-otter");
  await expect(page.getByTestId("profile-name")).toBeVisible();
  await expect(page.getByTestId("community-role")).toHaveCount(0);
});

/** The active tasks of a season in the e2e database as `repo#number`, with their labels (data only, not the page's filter). */
async function seasonTasks(slug: string): Promise<{ key: string; repo: string; labels: string[] }[]> {
  const sql = e2eDb();
  try {
    const rows = await sql<{ repo: string; number: number; labels: string[] }[]>`
      select r.full_name as repo, t.number, t.labels from tasks t
      join seasons s on s.id = t.season_id join repositories r on r.id = t.repository_id where s.slug = ${slug} and t.active`;
    return rows.map((r) => ({ key: `${r.repo}#${r.number}`, repo: r.repo, labels: r.labels }));
  } finally {
    await sql.end();
  }
}

/** The `repo#number` of each row of the tasks table, waiting for the table (no table: the test fails). */
async function listedTasks(page: Page): Promise<string[]> {
  const rows = page.getByTestId("tasks").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return (await rows.allTextContents()).map((t) => t.match(/[\w.-]+\/[\w.-]+#\d+/)?.[0] ?? `unreadable row: ${t}`).sort();
}

/**
 * The contributor map (lib/map/contributor-map.md): every TiKV module needs Rust and no other project's does; Yacc
 * is needed by TiDB's Parser only. A task belongs to the module its label names (`sig/planner` → Planner, which needs
 * Golang only); the demo's other TiDB tasks name no module of the map, so they take their project's skills.
 */
test("the tasks page filters by skill from the contributor map", async ({ page }) => {
  const all = await seasonTasks("2020-s2");
  const rust = all.filter((t) => t.repo === "tikv/tikv").map((t) => t.key).sort();
  const yacc = all.filter((t) => t.repo === "pingcap/tidb" && !t.labels.includes("sig/planner")).map((t) => t.key).sort();
  expect(rust).toContain("tikv/tikv#6293");
  expect(yacc).toContain("pingcap/tidb#15028");
  expect(yacc).not.toContain("pingcap/tidb#14584");
  expect(rust.length).toBeGreaterThanOrEqual(20);
  expect(yacc.length).toBeGreaterThanOrEqual(24);

  await page.goto("/seasons/2020-s2/tasks?skill=Rust");
  expect.soft(await listedTasks(page), "skill=Rust").toEqual(rust);
  await page.goto("/seasons/2020-s2/tasks?skill=Yacc");
  expect(await listedTasks(page), "skill=Yacc").toEqual(yacc);
});
