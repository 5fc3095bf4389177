import { expect, test } from "@playwright/test";
import { createParticipant, createPullRequest, createSeason, createTask } from "../test/factories/db";
import { startUniqueAt } from "../test/factories/github";
import { e2eDrizzle, signInAs } from "./fixtures";

const RUN = Date.now().toString(36);
const SLUG = `e2e-appeal-${RUN}`;
const REPO = `appeal-${RUN}/app`;
const ANN = `appeal-ann-${RUN}`;
const KEEPER = `appeal-keeper-${RUN}`;

/** A live season: ann completed one easy task (100 points) and merged a fix that references no task. */
test.beforeAll(async () => {
  const h = await e2eDrizzle();
  try {
    startUniqueAt(1_500 * (Date.now() % 1_000_000));
    const base = 9_800_000 + (Date.now() % 100_000) * 2;
    const ann = await createParticipant(h.db, { login: ANN, githubId: base });
    await createParticipant(h.db, { login: KEEPER, githubId: base + 1 });
    const season = await createSeason(h.db, { slug: SLUG, name: "Appeal Season", startsAt: "2020-03-01T00:00:00Z", endsAt: "2099-01-01T00:00:00Z", repos: [REPO], maintainers: { [REPO]: [KEEPER] } });
    await createPullRequest(h.db, { author: ann, closes: await createTask(h.db, { season, difficulty: "easy" }), mergedAt: "2020-04-01T00:00:00Z" });
    await createPullRequest(h.db, { repo: REPO, number: 4242, title: "Fix the crash nobody filed", author: ann, body: "a fix", mergedAt: "2020-04-02T00:00:00Z" });
  } finally {
    await h.close();
  }
});

test("a participant sees why a PR did not score and appeals; a maintainer accepts from the queue; the ranking and the audit follow", async ({ browser }) => {
  const annContext = await browser.newContext();
  await signInAs(annContext, ANN);
  const page = await annContext.newPage();
  await page.goto(`/u/${ANN}?pulls=unscored`);
  const pulls = page.getByTestId("season-pulls");
  const row = pulls.getByRole("row").filter({ hasText: `${REPO}#4242` });
  await expect(row).toContainText("no task: References no task of this season");
  await row.getByLabel(`Why ${REPO}#4242 should count`).fill("It fixed the crash in the importer; please count it");
  await row.getByRole("button", { name: "Appeal" }).click();
  // The page is rendered again: the row says the appeal waits, and offers no second one.
  await expect(row.getByTestId("appeal-state")).toHaveText("Appealed: waiting for a maintainer.");
  await expect(row.getByRole("button", { name: "Appeal" })).toHaveCount(0);

  const keeperContext = await browser.newContext();
  await signInAs(keeperContext, KEEPER);
  const queue = await keeperContext.newPage();
  await queue.goto(`/seasons/${SLUG}/queue`);
  const appeal = queue.getByTestId("queue-appeals").getByRole("row").filter({ hasText: `${REPO}#4242` });
  await expect(appeal).toContainText("It fixed the crash in the importer");
  await appeal.getByLabel("Points (when accepting)").fill("50");
  await appeal.getByLabel("Reason").fill("a real fix, worth an easy task's half");
  await appeal.getByRole("button", { name: "Answer" }).click();
  // Answered, the appeal leaves the queue (the page is rendered again with the committed state).
  await expect(queue.getByText("No open appeals.")).toBeVisible();

  await queue.goto(`/seasons/${SLUG}`);
  await expect(queue.getByTestId("ranking").getByRole("row", { name: new RegExp(`@${ANN}\\b`) })).toContainText("150");
  await queue.goto(`/seasons/${SLUG}/audit`);
  const audit = queue.getByTestId("audit");
  await expect(audit).toContainText("appeal.open");
  await expect(audit).toContainText("appeal.accept");
  await expect(audit).toContainText("a real fix, worth an easy task's half");
  // The participant reads the answer on the pull request's row.
  await page.goto(`/u/${ANN}`);
  await page.getByTestId("pulls-link").getByRole("link").click();
  await expect(page.getByTestId("season-pulls").getByRole("row").filter({ hasText: `${REPO}#4242` }).getByTestId("appeal-state")).toHaveText(
    "Appeal accepted (+50 points): a real fix, worth an easy task's half",
  );
  await annContext.close();
  await keeperContext.close();
});
