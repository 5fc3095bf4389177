/** Dark mode (#19): the system's theme by default; the header's toggle keeps a choice in a cookie (and, signed in, on the user), rendered by the server. */
import { expect, test } from "@playwright/test";
import { SESSION_COOKIE, sessionTokenFor } from "./fixtures";

const background = (page: import("@playwright/test").Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = "rgb(15, 17, 21)";
const LIGHT_BG = "rgb(255, 255, 255)";

test("the theme follows the system until the toggle chooses one; the choice is in the server's HTML", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/seasons/2020-s2");
  expect(await background(page)).toBe(DARK_BG);
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background(page)).toBe(LIGHT_BG);
  expect((await context.cookies()).find((c) => c.name === "podium-theme")?.value).toBe("light");

  // The server renders the chosen theme on <html> (no flash): the raw HTML already has it, before any script runs.
  const html = await (await context.request.get("/seasons/2020-s2")).text();
  expect(html).toMatch(/<html[^>]*data-theme="light"/);
  await page.reload();
  expect(await background(page)).toBe(LIGHT_BG);
  await toggle.click();
  await page.reload();
  expect(await background(page)).toBe(DARK_BG);
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-pressed", "true");
  await context.close();

  // No cookie, a light system: light, and nothing on <html>.
  const plain = await browser.newContext({ colorScheme: "light" });
  const res = await plain.request.get(`${baseURL}/`);
  expect(await res.text()).not.toMatch(/<html[^>]*data-theme=/);
  await plain.close();
});

test("signed in, the toggle's choice is kept on the user: their other browser starts in it", async ({ browser }) => {
  const token = await sessionTokenFor("coldcache");
  const session = { name: SESSION_COOKIE, value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" as const };
  const first = await browser.newContext({ colorScheme: "light" });
  await first.addCookies([session]);
  const page = await first.newPage();
  await page.goto("/seasons/2020-s2");
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const stored = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await toggle.click();
  await stored;
  expect(await background(page)).toBe(DARK_BG);

  // Another browser of the same user, no theme cookie and a light system: the server renders the stored dark.
  const second = await browser.newContext({ colorScheme: "light" });
  await second.addCookies([session]);
  expect(await (await second.request.get("/seasons/2020-s2")).text()).toMatch(/<html[^>]*data-theme="dark"/);
  // Its own choice wins over the stored one, and becomes the stored one.
  const other = await second.newPage();
  await other.goto("/");
  const back = other.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await other.getByTestId("theme-toggle").click();
  await back;
  expect(await background(other)).toBe(LIGHT_BG);
  await second.close();
  // The first browser keeps its own cookie (dark); a third, anonymous one follows the system.
  await page.reload();
  expect(await background(page)).toBe(DARK_BG);
  await first.close();
  const third = await browser.newContext({ colorScheme: "light" });
  expect(await (await third.request.get("/seasons/2020-s2")).text()).not.toMatch(/<html[^>]*data-theme=/);
  await third.close();
});
