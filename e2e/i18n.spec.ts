/**
 * Two languages (#19): with `Accept-Language: zh-CN` every public page (and a signed-in one) is in Chinese — no
 * English UI string of the catalogue in its text — with `<html lang="zh-CN">`; the header's switch changes the
 * language, keeps it after a reload, and, signed in, on the user (another browser of theirs follows).
 */
import { expect, test } from "@playwright/test";
import { englishFragments, englishOn, expectChinese } from "./i18n-check";
import { SESSION_COOKIE, sessionTokenFor } from "./fixtures";

const PUBLIC_PAGES = ["/", "/map", "/seasons/2020-s2", "/seasons/2020-s2?view=teams", "/seasons/2020-s2/tasks", "/rankings", "/u/raftwalker", "/signin"];

test("with Accept-Language: zh-CN the public pages are in Chinese", async ({ browser }) => {
  test.setTimeout(90_000);
  const fragments = englishFragments();
  expect(fragments.length).toBeGreaterThan(50);
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  for (const path of PUBLIC_PAGES) await expectChinese(page, path, fragments);
  await context.close();
});

test("signed in with Accept-Language: zh-CN, the profile and tasks pages are in Chinese", async ({ browser }) => {
  test.setTimeout(60_000);
  const fragments = englishFragments();
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN" } });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionTokenFor("raftwalker"), domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  for (const path of ["/u/raftwalker", "/seasons/2020-s2/tasks", "/seasons/2020-s2"]) await expectChinese(page, path, fragments);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await context.close();
});

test("no Accept-Language preference of ours: English, as before", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "fr-FR" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Challenge program seasons");
  // The check above would see English: on the English ranking page it finds the header's, the table's, the pager's.
  await page.goto("/seasons/2020-s2");
  expect((await englishOn(page, englishFragments())).length).toBeGreaterThan(5);
  await context.close();
});

test("the header's switch changes the language and keeps it; signed in, the user's other browsers follow", async ({ browser }) => {
  test.setTimeout(60_000);
  const token = await sessionTokenFor("coldcache");
  const session = { name: SESSION_COOKIE, value: token, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" as const };
  const first = await browser.newContext({ locale: "en-US" });
  await first.addCookies([session]);
  const page = await first.newPage();
  await page.goto("/seasons/2020-s2");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("tab").or(page.getByRole("link", { name: "个人" })).first()).toBeVisible();
  expect((await first.cookies()).find((c) => c.name === "podium-locale")?.value).toBe("zh-CN");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("locale-switch")).toHaveText("English");

  // Another browser of the same user, English Accept-Language and no cookie: the stored choice wins.
  const second = await browser.newContext({ locale: "en-US" });
  await second.addCookies([session]);
  const other = await second.newPage();
  await other.goto("/");
  await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("挑战赛赛季");
  await second.close();

  // Back to English; after a reload too.
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await first.close();

  // Signed out: the cookie alone.
  const anonymous = await browser.newContext({ locale: "en-US" });
  const anon = await anonymous.newPage();
  await anon.goto("/rankings");
  await anon.getByTestId("locale-switch").click();
  await expect(anon.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText("总排行榜");
  await anon.reload();
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText("总排行榜");
  await anonymous.close();
});
