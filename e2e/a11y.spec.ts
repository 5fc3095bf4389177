/**
 * Accessibility (#19): axe-core on every page, signed out and signed in as a participant, a maintainer and an admin,
 * in the light and the dark theme. A serious or critical violation fails the test, with the rule, the help text and
 * the first elements it found. Light follows the system's `prefers-color-scheme` (no cookie); dark is the toggle's
 * cookie over a light system, so both ways a theme is chosen are checked.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { e2eDb, signInAs } from "./fixtures";

const SEASON = "2020-s2";
type Role = "signed out" | "participant" | "maintainer" | "admin";
const LOGIN: Record<Exclude<Role, "signed out">, string> = { participant: "coldcache", maintainer: "sql-keeper", admin: "cp-organizer" };

/** The pages each kind of user is checked on (every page of the app is in at least one list). */
function pagesFor(role: Role, taskId: number): string[] {
  const season = `/seasons/${SEASON}`;
  const task = `${season}/tasks/${taskId}`;
  switch (role) {
    case "signed out":
      return ["/", season, `${season}?view=teams`, `${season}/tasks`, task, "/u/raftwalker", "/map", `${season}/report`, "/rankings", "/shop", "/signin"];
    case "participant":
      return [season, task, `/u/${LOGIN.participant}`, "/shop", "/admin"];
    case "maintainer":
      return [season, task, `${season}/queue`, `${season}/audit`, "/admin"];
    case "admin":
      return ["/admin", "/admin/jobs", "/admin/shop", season, task, `/u/${LOGIN.admin}`];
  }
}

/** A task of the demo season with pull requests (its page shows the most). */
async function aTask(): Promise<number> {
  const sql = e2eDb();
  try {
    const [row] = await sql<{ id: number }[]>`
      select t.id from tasks t join seasons s on s.id = t.season_id join pull_request_tasks p on p.task_id = t.id
      where s.slug = ${SEASON} order by t.id limit 1`;
    if (!row) throw new Error("no task with pull requests in the demo season");
    return row.id;
  } finally {
    await sql.end();
  }
}

/** The serious and critical violations on the page now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function setTheme(context: BrowserContext, theme: "light" | "dark", baseURL: string) {
  if (theme === "dark") await context.addCookies([{ name: "podium-theme", value: "dark", url: baseURL }]);
}

test("the check can fail: a low-contrast, unlabelled control on a page is reported", async ({ page }) => {
  await page.goto("/");
  // After hydration, and outside React's tree (hydration may drop nodes added inside it): body's own child, which
  // React leaves alone.
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.style.cssText = "background:#ffffff;padding:8px";
    const p = document.createElement("p");
    p.textContent = "barely visible";
    p.style.cssText = "color:#eeeeee;background:#ffffff";
    box.append(p, Object.assign(document.createElement("input"), { type: "text" }));
    document.body.append(box);
  });
  await expect(page.getByText("barely visible")).toBeVisible();
  const found = await violations(page);
  expect(found.some((v) => v.includes("color-contrast"))).toBe(true);
  expect(found.some((v) => v.includes("label"))).toBe(true);
});

let taskId = 0;
test.beforeAll(async () => {
  taskId = await aTask();
});

for (const role of ["signed out", "participant", "maintainer", "admin"] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious or critical violation: ${role}, ${theme}`, async ({ browser, baseURL }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ colorScheme: "light" });
      await setTheme(context, theme, baseURL!);
      if (role !== "signed out") await signInAs(context, LOGIN[role]);
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of pagesFor(role, taskId)) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(500);
        if (theme === "dark") await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
        else await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
        found.push(...(await violations(page)).map((v) => `${path}: ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
}
