/**
 * Two languages (#19) on the maintainers' and admins' pages: with `Accept-Language: zh-CN`, each page signed in
 * with the role that sees it — the admin home, the season editor and its preview, jobs, the shop's admin, the
 * season's queue and audit, the report, the shop and the wallet — shows no English UI string of the catalogue,
 * and the refusals shown to other roles are in Chinese too. Acts only on rows of its own (e2e-i18n-…).
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { seasons } from "@/db/schema";
import { createParticipant, createSeason } from "../test/factories/db";
import { createGift, createWalletCredits } from "../test/factories/wallet";
import { englishFragments, englishOn, expectChinese } from "./i18n-check";
import { e2eDrizzle, signInAs } from "./fixtures";

const SEASON = "/seasons/2020-s2";
/** The demo seed's admin, a maintainer of some of 2020-s2's repositories, and a participant with neither role. */
const ADMIN = "cp-organizer";
const MAINTAINER = "sql-keeper";
const PARTICIPANT = "coldcache";
const RUN = Date.now().toString(36);
const BUYER = `e2e-i18n-buyer-${RUN}`;
const FINAL = `e2e-i18n-final-${RUN}`;
const ENDED = `e2e-i18n-ended-${RUN}`;
const GIFT = `e2e-i18n mug ${RUN}`;

test.beforeAll(async () => {
  const h = await e2eDrizzle();
  try {
    const buyer = await createParticipant(h.db, { githubId: 7_300_000 + (Date.now() % 100_000) * 2, login: BUYER });
    // Far ahead: no season follows it, so the buyer's credits do not expire while the suite runs.
    const season = await createSeason(h.db, { slug: FINAL, name: `i18n Final ${RUN}`, startsAt: "2098-01-01T00:00:00Z", endsAt: "2098-03-01T00:00:00Z", repos: [`e2e-i18n-${RUN}/app`] });
    const [final] = await h.db.update(seasons).set({ finalizedAt: new Date("2098-03-02T00:00:00Z") }).where(eq(seasons.id, season.id)).returning();
    await createWalletCredits(h.db, { participant: buyer, season: final!, credits: 300 });
    await createGift(h.db, { name: GIFT, cost: 120, stock: 3 });
    // Ended long ago, not final: the admin finalizes it from the Chinese page.
    await createSeason(h.db, { slug: ENDED, name: `i18n Ended ${RUN}`, startsAt: "2021-01-01T00:00:00Z", endsAt: "2021-02-01T00:00:00Z", repos: [`e2e-i18n-${RUN}/old`] });
  } finally {
    await h.close();
  }
});

async function chinese(browser: Browser, login?: string) {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  if (login) await signInAs(context, login);
  return context;
}

test("the check knows the admin pages' English", () => {
  const fragments = englishFragments();
  for (const english of ["Next scheduled imports", "Grant or revoke a role", "End of a season", "Credits of final seasons", "Tasks that need a score", "No changes yet", "The top ten"]) {
    expect(fragments).toContain(english);
  }
});

test("an admin's pages in Chinese: admin home, season editor and its preview, jobs, shop admin, queue, audit, report", async ({ browser }) => {
  test.setTimeout(120_000);
  const fragments = englishFragments();
  const context = await chinese(browser, ADMIN);
  const page = await context.newPage();
  for (const path of ["/admin", "/admin/jobs", "/admin/shop", `${SEASON}/queue`, `${SEASON}/audit`, `${SEASON}/report`, `/seasons/${FINAL}/report`, "/shop"]) {
    await expectChinese(page, path, fragments);
  }
  // The admin home: its own words, and the season-end row of a final season.
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "授予或撤销角色" })).toBeVisible();
  await expect(page.getByTestId(`season-end-${FINAL}`)).toContainText("已结算");
  await expect(page.getByTestId(`season-end-${FINAL}`).getByRole("button", { name: "重新开放" })).toBeVisible();
  // Finalizing: the form's result in Chinese, kept when the refreshed row puts the Reopen form in its place.
  const ended = page.getByTestId(`season-end-${ENDED}`);
  await expect(ended).toContainText("已结束；尚未结算");
  await ended.getByRole("button", { name: "结算" }).click();
  await expect(ended).toContainText("赛季已结算。");
  await expect(ended.getByRole("button", { name: "重新开放" })).toBeVisible();
  await expectNoEnglish(page, fragments);

  // The editor's preview is rendered in the browser after the action: its words come with the page, in Chinese.
  await expectChinese(page, "/admin?edit=2020-s2", fragments);
  await page.getByRole("button", { name: "预览变更" }).click();
  const preview = page.getByTestId("season-preview");
  await expect(preview).toContainText("预览 — 尚未保存任何内容。");
  await expect(preview).toContainText("保存后不会有任何变化。");
  await expectNoEnglish(page, fragments);
  // Every difficulty worth twice as much: the season would be updated and people would move, said in Chinese.
  const editor = page.getByLabel("赛季文件（JSON）");
  const file = JSON.parse(await editor.inputValue()) as { difficulties: Record<string, number> };
  for (const name of Object.keys(file.difficulties)) file.difficulties[name] = file.difficulties[name]! * 2;
  await editor.fill(JSON.stringify(file, null, 2));
  await page.getByRole("button", { name: "预览变更" }).click();
  await expect(preview).toContainText("2020-s2 将被更新");
  // Who moves depends on the season's caps and on what other specs did to 2020-s2: any move, in Chinese words.
  await expect(preview.getByRole("listitem").first()).toHaveText(/^2020-s2: (战队 )?\S+：(第 \d+ 名|不参与排名|不在榜上) → (第 \d+ 名|不参与排名|不在榜上)，\d+ → \d+ 积分（[+-]?\d+）$/);
  await expectNoEnglish(page, fragments);
  await context.close();
});

test("a maintainer's pages in Chinese: admin home, the season's queue and audit", async ({ browser }) => {
  test.setTimeout(60_000);
  const fragments = englishFragments();
  const context = await chinese(browser, MAINTAINER);
  const page = await context.newPage();
  for (const path of ["/admin", `${SEASON}/queue`, `${SEASON}/audit`]) await expectChinese(page, path, fragments);
  await page.goto(`${SEASON}/queue`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("维护者待办");
  await context.close();
});

test("refusals in Chinese: a participant on the admin, jobs, shop admin, queue and audit pages", async ({ browser }) => {
  test.setTimeout(60_000);
  const fragments = englishFragments();
  const context = await chinese(browser, PARTICIPANT);
  const page = await context.newPage();
  for (const path of ["/admin", "/admin/jobs", "/admin/shop", `${SEASON}/queue`, `${SEASON}/audit`]) {
    await expectChinese(page, path, fragments);
    await expect(page.locator("main [role=alert]")).toContainText("管理员");
  }
  await context.close();
});

test("the shop and the wallet in Chinese: a participant redeems a gift; signed out, the shop and the report", async ({ browser }) => {
  test.setTimeout(60_000);
  const fragments = englishFragments();
  const context = await chinese(browser, BUYER);
  const page = await context.newPage();
  await expectChinese(page, "/shop", fragments);
  const gift = page.getByTestId("gift").filter({ hasText: GIFT });
  await expect(gift).toContainText("120 贡献币");
  await gift.getByLabel("给管理员的备注（尺码、收货信息）").fill("L");
  await gift.getByRole("button", { name: "用 120 贡献币兑换" }).click();
  await expect(gift).toContainText("兑换申请已提交。");
  await expect(page.getByTestId("my-redemptions").getByRole("row", { name: new RegExp(GIFT) })).toContainText("已申请");
  await expectNoEnglish(page, fragments);
  await expectChinese(page, `/u/${BUYER}`, fragments);
  await expect(page.getByTestId("wallet-balance")).toContainText("180 贡献币");
  await expect(page.getByTestId("wallet-history")).toContainText("兑换");
  await context.close();

  const anonymous = await chinese(browser);
  const anon = await anonymous.newPage();
  for (const path of ["/shop", `${SEASON}/report`]) await expectChinese(anon, path, fragments);
  await expect(anon.getByTestId("top-ten-chart").locator("title").first()).toHaveText("前十名的积分变化");
  await anonymous.close();
});

/** The page as it is now (after an action), without navigating. */
async function expectNoEnglish(page: Page, fragments: string[]) {
  expect(await englishOn(page, fragments), `English on ${page.url()} after the action`).toEqual([]);
}
