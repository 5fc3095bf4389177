import { expect, test } from "@playwright/test";
import { e2eDb, signInAs } from "./fixtures";

test("signs in through the full OAuth round trip with the demo GitHub, and out again", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  // The fake GitHub's authorize page: pick the demo participant.
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
  await page.getByRole("button", { name: /raftwalker/ }).click();
  await expect(page.getByTestId("user-avatar")).toBeVisible();
  const profile = page.getByTestId("my-profile");
  await expect(profile).toHaveText("raftwalker");
  await profile.click();
  await expect(page).toHaveURL(/\/u\/raftwalker$/);
  await expect(page.getByTestId("profile-season").first()).toContainText("points");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await expect(page.getByTestId("user-avatar")).toHaveCount(0);
});

test("the OAuth round trip linked the account to the participant who already had points", async () => {
  const sql = e2eDb();
  try {
    const rows = await sql`select u.id from users u join participants p on p.id = u.participant_id where p.login = 'raftwalker'`;
    expect(rows.length).toBeGreaterThan(0);
    const accounts = await sql`select provider from accounts a join users u on u.id = a.user_id join participants p on p.id = u.participant_id where p.login = 'raftwalker'`;
    expect(accounts.map((a) => a.provider)).toContain("github");
  } finally {
    await sql.end();
  }
});

test("a participant cannot open /admin", async ({ page, context }) => {
  await signInAs(context, "coldcache");
  await page.goto("/admin");
  await expect(page.getByTestId("admin-forbidden")).toBeVisible();
  await expect(page.getByTestId("admin-page")).toHaveCount(0);
});

test("an admin can open /admin; anonymous visitors are sent to sign in", async ({ page, context }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin|\/signin\?callbackUrl=\/admin/);
  await signInAs(context, "cp-organizer");
  await page.goto("/admin");
  await expect(page.getByTestId("admin-page")).toBeVisible();
  await expect(page.getByTestId("admin-page")).toContainText("pd-shepherd");
});
