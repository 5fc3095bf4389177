import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

test("a maintainer syncs the season from its page and sees the result", async ({ page, context }) => {
  await signInAs(context, "pd-shepherd");
  await page.goto("/seasons/2020-s2");
  const panel = page.getByTestId("sync-panel");
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-status")).toContainText(/Last sync succeeded/, { timeout: 20_000 });
  await expect(page.getByTestId("sync-status")).toContainText("GraphQL points");
  await expect(panel.getByRole("button", { name: "Sync now" })).toBeEnabled();
});

test("participants and visitors see no Sync now", async ({ page, context }) => {
  await page.goto("/seasons/2020-s2");
  await expect(page.getByTestId("ranking")).toBeVisible();
  await expect(page.getByTestId("sync-panel")).toHaveCount(0);
  await signInAs(context, "coldcache");
  await page.goto("/seasons/2020-s2");
  await expect(page.getByTestId("sync-panel")).toHaveCount(0);
});
