import { expect, test } from "@playwright/test";
import { e2eDb, signInAs, startOfAMinute } from "./fixtures";

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

test("sign-in is rate-limited per client: past 30 a minute the OAuth routes answer 429 and the button explains", async ({ page, request }) => {
  // A client of its own (the address the nearest proxy would append), so other tests keep their budget.
  const client = { "x-forwarded-for": "198.51.100.30" };
  const statuses: number[] = [];
  await startOfAMinute(25);
  for (let i = 0; i < 31; i++) statuses.push((await request.get("/api/auth/callback/github?code=nope&state=nope", { headers: client, maxRedirects: 0 })).status());
  expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
  expect(statuses[30]).toBe(429);
  // The same client pressing "Sign in with GitHub" is told to wait, not sent to GitHub.
  await page.setExtraHTTPHeaders(client);
  await page.goto("/signin");
  await page.locator("#main").getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.locator("#main").getByRole("alert")).toContainText(/Too many sign-in attempts from your network. Please try again in \d+ s/);
  // Anyone else still signs in.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.31" });
  await page.goto("/signin");
  await page.locator("#main").getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
});

test("signs in from http://127.0.0.1 as well as from localhost (no error=Configuration)", async ({ page, baseURL }) => {
  const base = (baseURL ?? "").replace("localhost", "127.0.0.1");
  await page.goto(`${base}/`);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("redirect_uri")).toBe(`${base}/api/auth/callback/github`);
  await page.getByRole("button", { name: /raftwalker/ }).click();
  await expect(page.getByTestId("user-avatar")).toBeVisible();
  expect(page.url()).toBe(`${base}/`);
});
