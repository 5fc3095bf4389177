/**
 * Privacy (#19): a participant hides themselves on their profile; the public ranking shows "a participant" with
 * their points and rank, the public API answers 404 for them, their profile is gone for others; an admin still sees them.
 */
import { expect, test } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { participants, seasons, type Participant } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { grantRole } from "@/lib/commands/manage-roles";
import { createLedgerEntries, createParticipant, createSeason } from "../test/factories/db";
import { e2eDrizzle, signInAs } from "./fixtures";

const SEASON = "e2e-privacy";
const SHY = "e2e-privacy-shy";
const ADMIN = "e2e-privacy-admin";

test.beforeAll(async () => {
  const h = await e2eDrizzle();
  try {
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('e2e-privacy'))`);
      const [existing] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, SEASON));
      if (existing) return;
      const season = await createSeason(tx, { slug: SEASON, name: "Privacy Season", startsAt: "2021-01-01T00:00:00Z", endsAt: "2021-06-30T00:00:00Z", repos: ["e2e/privacy"], difficulties: { easy: 100 } });
      // First 300 points, the shy one 200 (rank 2), last 100.
      const people: Participant[] = [];
      for (const [i, login] of ["e2e-privacy-first", SHY, "e2e-privacy-last", ADMIN].entries()) people.push(await createParticipant(tx, { githubId: 8_100_000 + i, login, name: `Name of ${login}` }));
      await createLedgerEntries(tx, [300, 200, 100].map((points, i) => ({ season, participant: people[i]!, points, kind: "adjustment" as const, reason: "seeded", occurredAt: new Date(Date.UTC(2021, 1, 1, i)) })));
    });
    await h.db.update(participants).set({ hidden: false }).where(eq(participants.login, SHY));
    await runCommand(h.db, grantRole, "operator", { login: ADMIN, role: "admin" });
  } finally {
    await h.close();
  }
});

test("a participant hides themselves: public ranking and API anonymize them, admins still see them", async ({ page, context, browser, request }) => {
  await signInAs(context, SHY);
  await page.goto(`/u/${SHY}`);
  await expect(page.getByTestId("privacy-state")).toContainText("Public:");
  await page.getByRole("button", { name: "Hide me from public rankings" }).click();
  await expect(page.getByTestId("privacy-state")).toContainText("Hidden:");
  await expect(page.getByRole("button", { name: "Show me on public rankings" })).toBeVisible();

  // Signed out: the row keeps rank 2 and 200 points, without the name.
  const anonymous = await browser.newContext();
  const pub = await anonymous.newPage();
  await pub.goto(`/seasons/${SEASON}`);
  const row = pub.getByTestId("ranking").getByRole("row").nth(2);
  await expect(row).toContainText("a participant");
  await expect(row.getByRole("cell").nth(0)).toHaveText("2");
  await expect(row.getByRole("cell").nth(2)).toHaveText("200");
  expect(await pub.content()).not.toContain(SHY);
  expect((await pub.goto(`/u/${SHY}`))?.status()).toBe(404);
  await anonymous.close();

  expect((await request.get(`/api/participants/${SHY}`)).status()).toBe(404);
  expect((await request.get(`/api/participants/${SHY}/badge.svg`)).status()).toBe(404);
  const board = (await (await request.get(`/api/seasons/${SEASON}/leaderboard`)).json()) as { entries: { login: string | null; rank: number; score: number }[] };
  expect(board.entries.map((e) => [e.rank, e.login, e.score])).toEqual([
    [1, "e2e-privacy-first", 300],
    [2, null, 200],
    [3, "e2e-privacy-last", 100],
  ]);

  // The participant sees their own row; an admin sees them too.
  await page.goto(`/seasons/${SEASON}`);
  await expect(page.getByTestId("ranking").getByRole("row").nth(2)).toContainText(SHY);
  const adminContext = await browser.newContext();
  await signInAs(adminContext, ADMIN);
  const admin = await adminContext.newPage();
  await admin.goto(`/seasons/${SEASON}`);
  await expect(admin.getByTestId("ranking").getByRole("row").nth(2)).toContainText(SHY);
  await admin.goto(`/u/${SHY}`);
  await expect(admin.getByTestId("privacy-state")).toContainText("Hidden:");
  await adminContext.close();

  // Shown again: the public sees the name.
  await page.goto(`/u/${SHY}`);
  await page.getByRole("button", { name: "Show me on public rankings" }).click();
  await expect(page.getByTestId("privacy-state")).toContainText("Public:");
  expect((await request.get(`/api/participants/${SHY}`)).status()).toBe(200);
});
