import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, roles, scoreEntries, seasons, tasks, teams } from "@/db/schema";
import { seedDemo } from "@/demo/program/seed";
import { exportSeason } from "@/lib/archive/export";
import { ARCHIVE_FORMAT, type SeasonArchive } from "@/lib/archive/format";
import { runCommand } from "@/lib/commands/command";
import { importSeasonArchive } from "@/lib/commands/import-season-archive";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { getParticipantProfile } from "@/lib/queries/participant";
import { getTeamRanking } from "@/lib/queries/teams";
import { DRIVERS, freshDatabase } from "../harness/databases";

const SLUG = "2020-s2";

/** What a season shows: its leaderboard, its team ranking, and the season's part of each ranked participant's profile. */
async function views(h: DbHandle, logins: string[]) {
  const board = await getLeaderboard(h.db, { slug: SLUG, limit: 1000, offset: 0 });
  const profiles = [];
  for (const login of logins) {
    const p = await getParticipantProfile(h.db, login);
    profiles.push({ login, name: p?.name, season: p?.seasons.find((s) => s.slug === SLUG) });
  }
  return { board, teams: await getTeamRanking(h.db, SLUG), profiles };
}

async function counts(h: DbHandle) {
  const n = async (t: typeof seasons | typeof tasks | typeof pullRequests | typeof scoreEntries | typeof participants | typeof teams | typeof roles) => (await h.db.select({ n: count() }).from(t))[0]!.n;
  return { seasons: await n(seasons), tasks: await n(tasks), pulls: await n(pullRequests), entries: await n(scoreEntries), participants: await n(participants), teams: await n(teams), roles: await n(roles) };
}

describe.each(DRIVERS)("season archives on %s", (kind) => {
  let source: DbHandle;
  let target: DbHandle;
  let archive: SeasonArchive;
  let logins: string[];

  beforeAll(async () => {
    source = await freshDatabase(kind);
    target = await freshDatabase(kind);
    await seedDemo(source.db);
    await source.db.update(seasons).set({ finalizedAt: new Date("2020-06-20T00:00:00Z") }).where(eq(seasons.slug, SLUG));
    // Through JSON text, as the file is.
    archive = JSON.parse(JSON.stringify(await exportSeason(source.db, SLUG))) as SeasonArchive;
    logins = (await getLeaderboard(source.db, { slug: SLUG, limit: 1000, offset: 0 }))!.entries.map((e) => e.login);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it("exports the season, its tasks, pull requests, ledger and results by natural keys", () => {
    expect(archive.format).toBe(ARCHIVE_FORMAT);
    expect(archive.season.slug).toBe(SLUG);
    expect(archive.finalizedAt).toBe("2020-06-20T00:00:00.000Z");
    expect(archive.tasks.length).toBeGreaterThan(10);
    expect(archive.ledger.length).toBeGreaterThan(10);
    expect(logins.length).toBeGreaterThan(5);
    // No database id survives in a key: the season is `s@`, tasks and PRs are owner/repo#N, people logins.
    for (const e of archive.ledger) if (e.awardKey) expect(e.awardKey).toMatch(/^s@:(t@[^:]+#\d+(:pr@[^:]+#\d+)?|reward:.+)$/);
    // Team ownership travels with each entry (contract, "Teams"): the demo's 2020-s2 has team-owned points, each named by a team of the file.
    const teamNames = archive.season.teams.map((t) => t.name);
    const owned = archive.ledger.filter((e) => e.team != null);
    expect(owned.length).toBeGreaterThan(0);
    for (const e of owned) expect(teamNames).toContain(e.team);
  });

  it("a hostile archive is refused with the path of the first bad field, and nothing is written", async () => {
    const before = await counts(target);
    const bad = structuredClone(archive) as unknown as { ledger: { points: unknown; participant: unknown }[]; tasks: { title: unknown }[] };
    bad.ledger[3]!.points = 1e12;
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: bad, replace: false })).rejects.toMatchObject({ code: "INVALID", fields: { "archive.ledger[3].points": "expected at most 1000000 in size" } });
    const ghost = structuredClone(archive);
    ghost.ledger[2]!.participant = "nobody-at-all";
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: ghost, replace: false })).rejects.toMatchObject({ fields: { "archive.ledger[2].participant": "nobody-at-all is not among the archive's participants" } });
    const foreign = structuredClone(archive);
    const i = foreign.ledger.findIndex((e) => e.team != null);
    foreign.ledger[i]!.team = "no-such-team";
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: foreign, replace: false })).rejects.toMatchObject({ fields: { [`archive.ledger[${i}].team`]: "no-such-team is not among the season's teams" } });
    const extra = { ...structuredClone(archive), admin: true };
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: extra, replace: false })).rejects.toMatchObject({ fields: { archive: expect.stringMatching(/admin/) } });
    const wrongFormat = { ...structuredClone(archive), format: "podium-season/9" };
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: wrongFormat, replace: false })).rejects.toMatchObject({ fields: { "archive.format": 'expected "podium-season/1"' } });
    // Well-formed, but its results are not what its ledger adds up to: refused after the writes, all rolled back.
    const cooked = structuredClone(archive);
    cooked.results[0]!.points += 1000;
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive: cooked, replace: false })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^results: /) });
    expect(await counts(target)).toEqual(before);
  });

  it("imported into a fresh database, the season ranks identically: leaderboard, teams, profiles", async () => {
    const result = await runCommand(target.db, importSeasonArchive, "operator", { archive, replace: false });
    expect(result).toMatchObject({ season: SLUG, replaced: false, tasks: archive.tasks.length, entries: archive.ledger.length });
    const shown = await views(target, logins);
    expect(shown).toEqual(await views(source, logins));
    // The teams' points came over as theirs, not as their members' (a team with points ranks with them).
    expect(shown.teams!.some((t) => t.score > 0)).toBe(true);
    const [s] = await target.db.select().from(seasons).where(eq(seasons.slug, SLUG));
    expect(s!.finalizedAt).toEqual(new Date("2020-06-20T00:00:00Z"));
    // Exported again from the new database, it is the same archive (but for the time of export).
    const again = JSON.parse(JSON.stringify(await exportSeason(target.db, SLUG))) as SeasonArchive;
    expect({ ...again, exportedAt: null }).toEqual({ ...archive, exportedAt: null });
  });

  it("a season that exists is refused unless --replace; replaced, it still ranks identically", async () => {
    const before = await counts(target);
    await expect(runCommand(target.db, importSeasonArchive, "operator", { archive, replace: false })).rejects.toMatchObject({ message: expect.stringMatching(/exists already; nothing was written\. Import with --replace/) });
    expect(await counts(target)).toEqual(before);
    expect(await runCommand(target.db, importSeasonArchive, "operator", { archive, replace: true })).toMatchObject({ replaced: true });
    expect(await views(target, logins)).toEqual(await views(source, logins));
    expect(await counts(target)).toEqual(before);
  });
});
