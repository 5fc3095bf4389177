/**
 * The gift shop end to end: a participant with credits of a final season redeems a gift, an admin approves it
 * in the redemption queue, and the participant's wallet shows the spend. Acts only on rows of its own
 * (participants, season and gift named e2e-shop-…).
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { seasons } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { grantRole } from "@/lib/commands/manage-roles";
import { createParticipant, createSeason } from "../test/factories/db";
import { createGift, createWalletCredits } from "../test/factories/wallet";
import { e2eDrizzle, signInAs } from "./fixtures";

const BUYER = "e2e-shop-buyer";
const ADMIN = "e2e-shop-admin";
const GIFT = `e2e-shop mug ${Date.now().toString(36)}`;

test.beforeAll(async () => {
  const h = await e2eDrizzle();
  try {
    const buyer = await createParticipant(h.db, { githubId: 9_700_001, login: BUYER, name: "Shop Buyer" });
    await createParticipant(h.db, { githubId: 9_700_002, login: ADMIN, name: "Shop Admin" });
    await runCommand(h.db, grantRole, "operator", { login: ADMIN, role: "admin" });
    // Far ahead: no season follows it, so its credits do not expire while the suite runs.
    const season = await createSeason(h.db, { slug: "e2e-shop-final", name: "Shop Final Season", startsAt: "2097-01-01T00:00:00Z", endsAt: "2097-03-01T00:00:00Z", repos: ["e2e-shop/app"] });
    const [final] = await h.db.update(seasons).set({ finalizedAt: new Date("2097-03-02T00:00:00Z") }).where(eq(seasons.id, season.id)).returning();
    await createWalletCredits(h.db, { participant: buyer, season: final!, credits: 300 });
    await createGift(h.db, { name: GIFT, cost: 120, stock: 2, pictureUrl: "https://example.org/mug.png" });
  } finally {
    await h.close();
  }
});

test("a participant redeems a gift, an admin approves it, the wallet shows the spend", async ({ page, context }) => {
  await signInAs(context, BUYER);
  await page.goto("/shop");
  const balance = page.getByTestId("shop-balance");
  const before = Number((await balance.locator("strong").textContent()) ?? "NaN");
  expect(before).toBeGreaterThanOrEqual(120);
  const gift = page.getByTestId("gift").filter({ hasText: GIFT });
  await expect(gift).toContainText("120 credits");
  await gift.getByLabel("Note for the admins (size, shipping)").fill("size L, please");
  await gift.getByRole("button", { name: "Redeem for 120 credits" }).click();
  await expect(gift).toContainText("Redemption requested.");
  await expect(balance).toContainText(`${before - 120} credits`);
  await expect(page.getByTestId("my-redemptions").getByRole("row", { name: new RegExp(GIFT) })).toContainText("requested");

  await context.clearCookies();
  await signInAs(context, ADMIN);
  await page.goto("/admin/shop");
  const row = page.getByTestId("redemption-queue").getByRole("row").filter({ hasText: GIFT }).filter({ hasText: "size L, please" });
  await expect(row).toContainText(BUYER);
  await expect(row).toContainText("requested");
  await row.getByLabel("Decision").selectOption("approve");
  await row.getByRole("button", { name: "Record" }).click();
  await expect(page.getByTestId("redemption-queue").getByRole("row").filter({ hasText: "size L, please" })).toContainText("approved");

  await context.clearCookies();
  await signInAs(context, BUYER);
  await page.goto(`/u/${BUYER}`);
  const wallet = page.getByTestId("wallet");
  await expect(page.getByTestId("wallet-balance")).toContainText(`${before - 120} Contribution Credits`);
  await expect(page.getByTestId("wallet-history").getByRole("row").nth(1)).toContainText(`spend-120e2e-shop-finalredeemed for ${GIFT}`);
  await expect(wallet).toContainText("+300");
  await page.goto("/shop");
  await expect(page.getByTestId("my-redemptions").getByRole("row", { name: new RegExp(GIFT) })).toContainText("approved");

  // Someone else's profile shows no wallet.
  await page.goto(`/u/${ADMIN}`);
  await expect(page.getByTestId("profile-name")).toBeVisible();
  await expect(page.getByTestId("wallet")).toHaveCount(0);
});
