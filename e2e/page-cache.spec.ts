import { expect, test } from "@playwright/test";
import { eq, sql as q } from "drizzle-orm";
import { seasons } from "@/db/schema";
import { createLedgerEntries, createParticipant, createSeason, createTask, type LedgerEntryInput } from "../test/factories/db";
import { e2eDb, e2eDrizzle, SESSION_COOKIE, sessionTokenFor } from "./fixtures";
import { applyFromAnotherProcess, expectServedFromCache, readsUntil, isolatedSeason } from "./page-cache-helpers";

/**
 * The public pages read their data from Next's cache (lib/queries/cached), expired on commit by a PostgreSQL
 * notification wherever the write happened. No timed assertion: polls with a generous deadline, and counts them.
 */

test("a season applied by the CLI in another process shows on the cached pages; a write behind Podium's back does not", async ({ request }) => {
  const season = isolatedSeason("2022-cache", "Cached Season", 2022);
  applyFromAnotherProcess(season);
  expect(await readsUntil(request, "/", "Cached Season")).toBeGreaterThanOrEqual(1);
  expect(await readsUntil(request, "/seasons/2022-cache", "Cached Season")).toBeGreaterThanOrEqual(1);

  // The page is served from the cache: a change made with plain SQL (no command, so no notification) is not seen…
  await expectServedFromCache(request, ["/seasons/2022-cache"], "2022-cache", "Cached Season");

  // …and a change through Podium in another process is, once it commits.
  applyFromAnotherProcess({ ...season, name: "Cached Season Renamed" });
  const reads = await readsUntil(request, "/seasons/2022-cache", "Cached Season Renamed");
  expect(reads).toBeGreaterThanOrEqual(1);
  expect(await readsUntil(request, "/", "Cached Season Renamed")).toBeGreaterThanOrEqual(1);
});

/** A season of 60 ranked participants (`cache-000` … `cache-059`: 50 a page), seeded once (both projects may run this). */
async function seedTwoPageSeason(): Promise<void> {
  const h = await e2eDrizzle();
  try {
    await h.db.transaction(async (tx) => {
      await tx.execute(q`select pg_advisory_xact_lock(hashtext('e2e-cache-two'))`);
      const [existing] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "e2e-cache-two"));
      if (existing) return;
      const season = await createSeason(tx, { slug: "e2e-cache-two", name: "Two Pages", startsAt: "2021-01-01T00:00:00Z", endsAt: "2021-06-30T00:00:00Z", repos: ["e2e/cache-two"], difficulties: { easy: 100, medium: 300, hard: 1000 } });
      const task = await createTask(tx, { season, number: 1, difficulty: "easy" });
      const entries: LedgerEntryInput[] = [];
      for (let i = 0; i < 60; i++) {
        const participant = await createParticipant(tx, { githubId: 8_100_000 + i, login: `cache-${String(i).padStart(3, "0")}`, name: `Cache ${i}` });
        const occurredAt = new Date(Date.UTC(2021, 1, 1, 0, i));
        entries.push({ season, participant, task, points: 100, occurredAt }, { season, participant, points: 5_000 - i * 50, kind: "adjustment", reason: "seeded for paging", occurredAt });
      }
      await createLedgerEntries(tx, entries);
    });
  } finally {
    await h.close();
  }
}

test("two participants read the same cached ranking: neither's name or place shows in the other's page", async ({ playwright, baseURL }) => {
  await seedTwoPageSeason();
  const sql = e2eDb();
  const points = new Map<string, number>();
  try {
    const rows = await sql<{ login: string; points: number }[]>`
      select p.login, st.points from season_totals st join participants p on p.id = st.participant_id
      join seasons s on s.id = st.season_id where s.slug = 'e2e-cache-two' and p.login in ('cache-055', 'cache-057')`;
    for (const r of rows) points.set(r.login, r.points);
  } finally {
    await sql.end();
  }
  expect([...points.keys()].sort()).toEqual(["cache-055", "cache-057"]);
  const pageOf = async (login: string | null) => {
    const token = login ? await sessionTokenFor(login) : null;
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
    try {
      // The page's text: React's comment separators and the tags dropped.
      return (await (await ctx.get("/seasons/e2e-cache-two")).text()).replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, "");
    } finally {
      await ctx.dispose();
    }
  };
  // Interleaved, so each reads the entry the one before filled.
  const anonymous = await pageOf(null);
  const a = await pageOf("cache-055");
  const b = await pageOf("cache-057");
  const a2 = await pageOf("cache-055");
  for (const html of [a, a2]) {
    expect(html).toContain("cache-055");
    expect(html).toContain(`You are #56 with ${points.get("cache-055")!.toLocaleString("en-US")} points`);
    expect(html).not.toContain("cache-057");
  }
  expect(b).toContain(`You are #58 with ${points.get("cache-057")!.toLocaleString("en-US")} points`);
  expect(b).not.toContain("cache-055");
  expect(anonymous).not.toContain("cache-055");
  expect(anonymous).not.toContain("cache-057");
  expect(anonymous).not.toContain("You are");
});

test("an anonymous ranking page is served whole from Next's page cache; a signed-in one is rendered for its viewer", async ({ request, playwright, baseURL }) => {
  const season = isolatedSeason("2024-rendered", "Rendered Season", 2024);
  applyFromAnotherProcess(season);
  expect(await readsUntil(request, "/seasons/2024-rendered", "Rendered Season")).toBeGreaterThanOrEqual(1);
  // Served from the page cache: Next says so, and keeps no shared-cache lifetime on it (a write expires it here).
  const hitOf = async (url: string, headers: Record<string, string> = {}) => {
    for (let reads = 1; reads <= 50; reads++) {
      const res = await request.get(url, { headers });
      if (res.headers()["x-nextjs-cache"] === "HIT") return res;
    }
    throw new Error(`${url} was never a cache hit`);
  };
  const hit = await hitOf("/seasons/2024-rendered");
  expect(hit.headers()["cache-control"]).toBe("private, no-cache");
  expect(await hit.text()).toMatch(/<html lang="en">/);
  // Each language and theme its own entry, with the query as the page reads it.
  expect(await (await hitOf("/seasons/2024-rendered?view=teams&utm=x", { "accept-language": "zh-CN", cookie: "podium-theme=dark" })).text()).toMatch(/<html lang="zh-CN" data-theme="dark">/);
  // The home page too.
  expect(await (await hitOf("/")).text()).toContain("Rendered Season");
  // The internal route is not a second address of the page.
  expect((await request.get("/rendered/en.system/seasons/2024-rendered/individuals/1/all")).status()).toBe(404);

  // A change behind Podium's back is not seen (the rendered page, not only its data, comes from the cache)…
  await expectServedFromCache(request, ["/seasons/2024-rendered"], "2024-rendered", "Rendered Season");
  // …a signed-in request is rendered per request (no page-cache header) and shows its own menu…
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${await sessionTokenFor("raftwalker")}` } });
  try {
    const mine = await ctx.get("/seasons/2024-rendered");
    expect(mine.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(await mine.text()).toContain('data-testid="my-profile"');
  } finally {
    await ctx.dispose();
  }
  // …and a write through Podium in another process is shown once it commits.
  applyFromAnotherProcess({ ...season, name: "Rendered Season Renamed" });
  expect(await readsUntil(request, "/seasons/2024-rendered", "Rendered Season Renamed")).toBeGreaterThanOrEqual(1);
  expect(await (await request.get("/seasons/2024-rendered")).text()).not.toContain('data-testid="my-profile"');
});

test("an anonymous visitor switches the language on a cached ranking page; it stays after a reload", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "Accept-Language": "en-US" } });
  const page = await context.newPage();
  await page.goto("/seasons/2020-s2");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("locale-switch")).toHaveText("English");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});
