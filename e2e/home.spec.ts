import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("lists the demo seasons under a demo banner @mobile", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("demo-banner")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/seasons/i);
    const cards = page.getByTestId("season-card");
    await expect(cards.filter({ hasText: "Challenge Program Season 1" })).toContainText("pingcap/tidb");
    await expect(page.getByRole("link", { name: "Challenge Program Season 2" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });

  test("the API says which database serves it", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.ok()).toBe(true);
    expect(await health.json()).toEqual({ ok: true, db: "pglite" });
    const seasons = await request.get("/api/seasons");
    const body = (await seasons.json()) as { slug: string; tasks: number; participants: number }[];
    const demo = body.filter((s) => ["2019-s1", "2020-s2"].includes(s.slug));
    expect(demo).toHaveLength(2);
    for (const s of demo) {
      expect(s.tasks).toBeGreaterThan(20);
      expect(s.participants).toBeGreaterThan(5);
    }
  });
});
