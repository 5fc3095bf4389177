import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures";

// The e2e servers run in demo mode, where scheduled imports are off unless PODIUM_SYNC_INTERVAL_SECONDS is set.

test("an admin sees the job queue; a maintainer is refused on the server, a visitor sent to sign in", async ({ page, context }) => {
  await page.goto("/admin/jobs");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)admin(%2F|\/)jobs$/);

  await signInAs(context, "pd-shepherd");
  await page.goto("/admin/jobs");
  await expect(page.getByTestId("jobs-forbidden")).toContainText("for the program's admins");
  await expect(page.getByTestId("jobs-page")).toHaveCount(0);

  await context.clearCookies();
  await signInAs(context, "cp-organizer");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Jobs" }).click();
  const jobs = page.getByTestId("jobs-page");
  await expect(jobs).toContainText("Scheduled imports are off (PODIUM_SYNC_INTERVAL_SECONDS=0).");
  await expect(jobs.getByRole("heading", { name: "Next scheduled imports" })).toBeVisible();
  await expect(jobs.getByRole("heading", { name: "Failed" })).toBeVisible();
});

test("the sync panel says whether imports are scheduled", async ({ page, context }) => {
  await signInAs(context, "pd-shepherd");
  await page.goto("/seasons/2020-s2");
  await expect(page.getByTestId("sync-schedule")).toHaveText("Scheduled imports are off.");
});
