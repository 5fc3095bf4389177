/**
 * Screenshots for review (#19): the ranking, tasks and profile pages, desktop and mobile (360 px), light and dark,
 * English and Chinese (`Accept-Language: zh-CN`; files `…-zh-CN.png`), written to e2e/screenshots/ at test time (git-ignored: about 3 MB a run).
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";

const SHOTS = "e2e/screenshots";
const PAGES = { ranking: "/seasons/2020-s2", tasks: "/seasons/2020-s2/tasks", profile: "/u/raftwalker" };
const SIZES = { desktop: { width: 1280, height: 800 }, mobile: { width: 360, height: 740 } };

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const LANGUAGES = { en: { locale: "en-US", suffix: "" }, "zh-CN": { locale: "zh-CN", suffix: "-zh-CN" } };

for (const theme of ["light", "dark"] as const) for (const [language, { locale, suffix }] of Object.entries(LANGUAGES)) {
  test(`screenshots, ${theme}, ${language}`, async ({ browser }) => {
    test.setTimeout(90_000);
    for (const [size, viewport] of Object.entries(SIZES)) {
      const context = await browser.newContext({ viewport, colorScheme: theme, isMobile: size === "mobile", locale, extraHTTPHeaders: { "Accept-Language": locale } });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        const file = `${SHOTS}/${name}-${size}-${theme}${suffix}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(1000);
      }
      await context.close();
    }
  });
}
