/**
 * Issue #17, item 2: the season ranking page reads each thing once. The page's data (`seasonContext` +
 * `readRankingPage`) reads the season's row once (it used to look it up four times and more: the season list,
 * the board, the viewer's standing, the final state, the teams), the sync runs once (the panel and "data
 * imported at"), and gives what the separate queries give.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DbHandle, type DbKind } from "@/db/client";
import { seedDemo } from "@/demo/program/seed";
import { getLeaderboard, getOwnStanding } from "@/lib/queries/leaderboard";
import { readRankingPage } from "@/lib/queries/ranking-page";
import { loadSeasonContext } from "@/lib/queries/season-context";
import { finalState } from "@/lib/queries/season-results";
import { listSeasons } from "@/lib/queries/seasons";
import { getSyncStatus } from "@/lib/queries/sync-status";
import { getTeamRanking } from "@/lib/queries/teams";
import { lastRefreshed } from "@/lib/sync/run-lock";
import { DRIVERS } from "../harness/databases";
import { createDatabase } from "../harness/postgres-server";

const statements: string[] = [];
/** Statements that read the table itself (not those that only join it, as the runs' filter by slug does). */
const reading = (table: string) => statements.filter((q) => q.includes(`from "${table}"`));

async function open(kind: DbKind): Promise<DbHandle> {
  const onQuery = (q: string) => void statements.push(q);
  if (kind === "postgres") return openDatabase({ url: await createDatabase(inject("pgUrl"), `t_rp_${process.pid}_${Date.now().toString(36)}`), max: 5, onQuery });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-pglite-"));
  const h = await openDatabase({ pgliteDir: path.join(dir, "db"), onQuery });
  return { ...h, close: async () => (await h.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

describe.each(DRIVERS)("the ranking page's reads on %s", (kind) => {
  let h: DbHandle;
  let slug: string;
  let login: string;
  beforeAll(async () => {
    h = await open(kind);
    await seedDemo(h.db);
    const seasons = await listSeasons(h.db);
    slug = seasons.sort((a, b) => b.participants - a.participants)[0]!.slug;
    const board = await getLeaderboard(h.db, { slug, limit: 100, offset: 0 });
    login = board!.entries.at(-1)!.login; // on another page than the first (10 a page): "you are #…" is read
  });
  afterAll(async () => h?.close());

  const input = (view: "individuals" | "teams") => ({ page: 1, pageSize: 10, view, viewerLogin: login, mayRunSync: true, intervalSeconds: 900, now: new Date("2020-03-15T00:00:00Z") });

  it("one read of the season and one of its sync runs, for a maintainer signed in, individuals and teams", async () => {
    for (const view of ["individuals", "teams"] as const) {
      statements.length = 0;
      const season = await loadSeasonContext(h.db, slug);
      await readRankingPage(h.db, season!, input(view));
      expect(reading("seasons"), view).toHaveLength(1);
      expect(reading("sync_runs"), view).toHaveLength(1);
    }
  });

  it("gives what the separate queries give", async () => {
    const season = (await loadSeasonContext(h.db, slug))!;
    const [summary] = (await listSeasons(h.db)).filter((s) => s.slug === slug);
    const { row: _row, ...context } = season;
    expect(context).toEqual(summary);
    const page = await readRankingPage(h.db, season, input("individuals"));
    expect(page.board).toEqual(await getLeaderboard(h.db, { slug, limit: 10, offset: 0 }));
    expect(page.mine).toEqual(await getOwnStanding(h.db, slug, login));
    expect(page.mine!.position).toBeGreaterThanOrEqual(10);
    expect(page.final).toEqual(await finalState(h.db, slug));
    expect(page.refreshed).toEqual(await lastRefreshed(h.db, slug));
    expect(page.status).toEqual(await getSyncStatus(h.db, slug, { intervalSeconds: 900, now: new Date("2020-03-15T00:00:00Z") }));
    expect(page.teams).toBeNull();
    expect((await readRankingPage(h.db, season, input("teams"))).teams).toEqual(await getTeamRanking(h.db, slug));
  });
});
