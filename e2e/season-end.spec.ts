import { expect, test } from "@playwright/test";
import { runCommand } from "@/lib/commands/command";
import { grantRole } from "@/lib/commands/manage-roles";
import { createParticipant, createPullRequest, createSeason, createTask } from "../test/factories/db";
import { startUniqueAt } from "../test/factories/github";
import { e2eDrizzle, signInAs } from "./fixtures";

const RUN = Date.now().toString(36);
const SLUG = `e2e-final-${RUN}`;
const ADMIN = `final-admin-${RUN}`;
const WINNER = `final-winner-${RUN}`;
const RUNNER_UP = `final-second-${RUN}`;

/** A season that ended in 2020 with two participants (1000 and 300 points) and two prizes. */
test.beforeAll(async () => {
  const h = await e2eDrizzle();
  try {
    startUniqueAt(2_000 * (Date.now() % 1_000_000));
    const base = 9_700_000 + (Date.now() % 100_000) * 3;
    const admin = await createParticipant(h.db, { login: ADMIN, githubId: base });
    const winner = await createParticipant(h.db, { login: WINNER, name: "Winnie Winner", githubId: base + 1 });
    const second = await createParticipant(h.db, { login: RUNNER_UP, githubId: base + 2 });
    const season = await createSeason(h.db, {
      slug: SLUG,
      name: "Final Season",
      startsAt: "2020-03-01T00:00:00Z",
      endsAt: "2020-06-01T00:00:00Z",
      repos: [`final-${RUN}/app`],
      prizes: [{ name: "First prize", ranks: [1, 1] }, { name: "Excellence award", minPoints: 300 }],
    });
    await createPullRequest(h.db, { author: winner, closes: await createTask(h.db, { season, difficulty: "hard" }), mergedAt: "2020-04-01T00:00:00Z" });
    await createPullRequest(h.db, { author: second, closes: await createTask(h.db, { season, difficulty: "medium" }), mergedAt: "2020-04-02T00:00:00Z" });
    await runCommand(h.db, grantRole, "operator", { login: admin.login, role: "admin" });
  } finally {
    await h.close();
  }
});

test("an admin finalizes a season; the ranking shows final and the prizes; a winner opens their certificate", async ({ browser }) => {
  const adminContext = await browser.newContext();
  await signInAs(adminContext, ADMIN);
  const page = await adminContext.newPage();
  await page.goto("/admin");
  const row = page.getByTestId(`season-end-${SLUG}`);
  await expect(row).toContainText("ended; not final yet");
  await row.getByRole("button", { name: "Finalize" }).click();
  await expect(row).toContainText("Season finalized.");

  await page.goto(`/seasons/${SLUG}`);
  const final = page.getByTestId("season-final");
  await expect(final).toContainText("Final results");
  const prizes = page.getByTestId("prizes");
  await expect(prizes.getByRole("listitem").filter({ hasText: "First prize" })).toContainText(WINNER);
  await expect(prizes.getByRole("listitem").filter({ hasText: "First prize" })).not.toContainText(RUNNER_UP);
  await expect(prizes.getByRole("listitem").filter({ hasText: "Excellence award" })).toContainText(RUNNER_UP);
  const api = await page.request.get(`/api/seasons/${SLUG}`);
  expect(await api.json()).toMatchObject({ slug: SLUG, final: true, prizes: [{ name: "First prize", winners: [{ login: WINNER, rank: 1, score: 1000 }] }, { name: "Excellence award" }] });
  // The report: figures, server-drawn charts with their text alternatives, the winners.
  await page.goto(`/seasons/${SLUG}/report`);
  await expect(page.getByTestId("report-stats")).toContainText("2 participants");
  await expect(page.getByTestId("report-stats")).toContainText("2 tasks completed");
  await expect(page.getByTestId("top-ten-chart").locator("title").first()).toHaveText("Points over time of the top ten");
  await expect(page.getByTestId("top-ten-chart").locator("desc")).toContainText(`${WINNER}: 1000`);
  await expect(page.getByTestId("report-top-ten").getByRole("row", { name: new RegExp(WINNER) })).toContainText("1000");
  // Both merges (04-01, 04-02) fall in week 5 (from 2020-03-29).
  await expect(page.getByTestId("weekly-table").getByRole("row").filter({ hasText: "2020-03-29" }).locator("td").nth(2)).toHaveText("2");
  await expect(page.getByTestId("prizes")).toContainText("First prize");
  expect(await (await page.request.get(`/api/seasons/${SLUG}/report`)).json()).toMatchObject({ participants: 2, tasksCompleted: 2, season: { final: true } });
  await adminContext.close();

  const winnerContext = await browser.newContext();
  await signInAs(winnerContext, WINNER);
  const mine = await winnerContext.newPage();
  await mine.goto(`/u/${WINNER}`);
  await expect(mine.getByTestId("profile-prizes")).toHaveText("First prize, Excellence award");
  const link = mine.getByTestId("certificate-link");
  await expect(link).toHaveAttribute("href", `/seasons/${SLUG}/certificates/${WINNER}.svg`);
  await link.click();
  await expect(mine).toHaveURL(new RegExp(`/seasons/${SLUG}/certificates/${WINNER}\\.svg$`));
  const svg = await (await mine.request.get(`/seasons/${SLUG}/certificates/${WINNER}.svg`)).text();
  expect(svg).toContain("Winnie Winner (@" + WINNER + ")");
  expect(svg).toContain("First prize · Excellence award");
  expect(svg).toContain("1000 points · rank #1");
  await expect(mine.locator("svg title")).toHaveText(new RegExp(`Certificate: Winnie Winner`));
  await winnerContext.close();

  // Anyone may verify it; someone who did not take part has none.
  const anyone = await browser.newContext();
  expect((await anyone.request.get(`/seasons/${SLUG}/certificates/${WINNER}.svg`)).status()).toBe(200);
  expect((await anyone.request.get(`/seasons/${SLUG}/certificates/${ADMIN}.svg`)).status()).toBe(404);
  expect((await anyone.request.get(`/admin/seasons/${SLUG}/winners.csv`)).status()).toBe(401);
  await anyone.close();
});
