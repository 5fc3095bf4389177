/**
 * Phones (#19): at 360 px wide the ranking, tasks and profile pages never scroll sideways; a wide table scrolls
 * inside its own container.
 */
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const PAGES = ["/seasons/2020-s2", "/seasons/2020-s2?view=teams", "/seasons/2020-s2/tasks", "/u/raftwalker", "/u/raftwalker?pulls=all", "/rankings"];

for (const who of ["signed out", "coldcache"] as const) {
  test(`no horizontal page scroll at 360 px: ranking, tasks, profile (${who})`, async ({ page, context }) => {
    if (who !== "signed out") await signInAs(context, who);
    const wide: string[] = [];
    for (const path of [...PAGES, ...(who === "signed out" ? [] : [`/u/${who}`])]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) wide.push(`${path}: ${width}px`);
    }
    expect(wide).toEqual([]);
    // A table wider than the phone scrolls in its region, not the page.
    await page.goto("/u/raftwalker?pulls=all");
    const region = page.locator(".table-scroll").first();
    await expect(region).toBeVisible();
    expect(await region.evaluate((el) => el.clientWidth <= 360)).toBe(true);
  });
}
