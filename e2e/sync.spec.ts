import { expect, test } from "@playwright/test";
import { e2eDb, fakeControlHeaders, signInAs } from "./fixtures";

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

test("a maintainer signs in through GitHub, syncs, and new rows appear in the ranking", async ({ page, request }) => {
  await page.goto("/seasons/2020-s2");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { name: /Sign in to Podium/i })).toBeVisible();
  const fakeGitHub = new URL(page.url()).origin;
  await page.getByRole("button", { name: /pd-shepherd/ }).click();
  await expect(page.getByTestId("my-profile")).toHaveText("pd-shepherd");

  // New activity on GitHub: a newcomer's merged pull request completes an open pingcap/pd task.
  const sql = e2eDb();
  let task: { number: number; score: number } | undefined;
  try {
    [task] = await sql<{ number: number; score: number }[]>`
      select t.number, t.score from tasks t join seasons s on s.id = t.season_id join repositories r on r.id = t.repository_id
      where s.slug = '2020-s2' and r.full_name = 'pingcap/pd' and t.state = 'open' and t.active and t.score is not null
      order by t.number limit 1`;
  } finally {
    await sql.end();
  }
  expect(task).toBeDefined();
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  // Without the control token the fake refuses, and nothing is added.
  expect((await request.post(`${fakeGitHub}/_fake/mutate`, { data: { users: [] } })).status()).toBe(401);
  const added = await request.post(`${fakeGitHub}/_fake/mutate`, {
    headers: fakeControlHeaders(),
    data: {
      users: [{ login: "e2e-newcomer", databaseId: 4_400_001, name: "New Comer", avatarUrl: "https://avatars.githubusercontent.com/u/4400001?v=4", type: "User" }],
      pullRequests: [
        {
          repo: "pingcap/pd",
          number: 88_001,
          title: "scheduler: make the new thing",
          body: `Close #${task!.number}`,
          labels: [],
          state: "MERGED",
          author: "e2e-newcomer",
          createdAt: "2020-04-01T00:00:00Z",
          updatedAt: now,
          mergedAt: "2020-04-02T00:00:00Z",
          mergedBy: "pd-shepherd",
          closingIssues: [],
          comments: [],
        },
      ],
    },
  });
  expect(added.ok()).toBe(true);

  await expect(page.getByTestId("ranking")).not.toContainText("e2e-newcomer");
  await page.getByTestId("sync-panel").getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-status")).toContainText(/Last sync succeeded.*1 pull requests/, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId("ranking")).toContainText("e2e-newcomer");
  await expect(page.getByTestId("ranking").getByRole("row", { name: /e2e-newcomer/ })).toContainText(String(task!.score));
});
