import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, roles, seasonRepositories, seasons, teamMembers, teams } from "@/db/schema";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument, type SeasonFile } from "@/lib/seasons/season-file";
import { listSeasons } from "@/lib/queries/seasons";
import { bigSeason } from "@/bench/apply-stall";
import { DRIVERS, freshDatabase } from "../harness/databases";

function load(file: string): SeasonFile[] {
  const parsed = parseSeasonDocument(JSON.parse(fs.readFileSync(`test/fixtures/${file}`, "utf8")));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

async function snapshot(h: DbHandle) {
  const { db } = h;
  return {
    seasons: await db.select().from(seasons),
    repos: await db.select().from(seasonRepositories),
    roles: (await db.select().from(roles)).map(({ grantedAt: _g, ...r }) => r),
    teams: await db.select().from(teams),
    members: await db.select().from(teamMembers),
  };
}

describe.each(DRIVERS)("seasons apply on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates the season with its repos, maintainers and team", async () => {
    const result = await applySeasons(h.db, load("season-2020-s2.json"));
    expect(result).toEqual([{ slug: "2020-s2", action: "created", changes: [] }]);
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    expect(season?.timeZone).toBe("+08:00");
    expect(season?.startsAt.toISOString()).toBe("2020-03-01T16:00:00.000Z");
    expect(season?.rules.caps).toHaveLength(2);
    const listed = await listSeasons(h.db);
    expect(listed[0]?.repos).toEqual(["pingcap/tidb", "tikv/tikv", "pingcap/pd"]);
    const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(roles);
    expect(n).toBe(1);
    expect(await h.db.select().from(teamMembers)).toHaveLength(2);
  });

  it("applying the same file again changes nothing", async () => {
    const before = await snapshot(h);
    const result = await applySeasons(h.db, load("season-2020-s2.json"));
    expect(result).toEqual([{ slug: "2020-s2", action: "unchanged", changes: [] }]);
    expect(await snapshot(h)).toEqual(before);
  });

  it("reports each change of an edited file", async () => {
    const [file] = load("season-2020-s2.json");
    const edited: SeasonFile = {
      ...file!,
      name: "Season Two",
      repos: ["pingcap/tidb", "pingcap/pd", "tikv/client-go"],
      maintainers: { "pingcap/pd": ["pd-maintainer"] },
      teams: [],
    };
    const [result] = await applySeasons(h.db, [edited]);
    expect(result?.action).toBe("updated");
    expect(result?.changes.join("\n")).toMatch(/name: "Challenge Program Season 2" → "Season Two"/);
    expect(result?.changes.join("\n")).toMatch(/repos removed: tikv\/tikv/);
    expect(result?.changes.join("\n")).toMatch(/repo added: tikv\/client-go/);
    expect(result?.changes.join("\n")).toMatch(/teams removed: dot-star/);
    const listed = await listSeasons(h.db);
    expect(listed[0]?.repos).toEqual(["pingcap/tidb", "pingcap/pd", "tikv/client-go"]);
    expect(await h.db.select().from(roles)).toHaveLength(1);
    // Restore for the next test.
    await applySeasons(h.db, load("season-2020-s2.json"));
  });

  it("a batch with one failing season writes nothing", async () => {
    const before = await snapshot(h);
    const [file] = load("season-2020-s2.json");
    await expect(applySeasons(h.db, [{ ...file!, name: "changed" }, { ...file!, name: "again" }])).rejects.toThrow(/twice/);
    const broken = { ...file!, slug: "other", name: "x".repeat(10), repos: ["pingcap/tidb"] };
    // A database error half-way (a value PostgreSQL refuses) rolls back the whole batch.
    await expect(applySeasons(h.db, [{ ...file!, name: "changed" }, { ...broken, graceDays: 2 ** 40 }])).rejects.toThrow();
    expect(await snapshot(h)).toEqual(before);
  });

  it("a failure after the bulk writes of a large season (several statements per table) still writes nothing", async () => {
    const before = { ...(await snapshot(h)), participants: await h.db.select().from(participants) };
    const [big] = bigSeason(30, 50, "big-one"); // 1500 members: two statements of team members
    const [file] = load("season-2020-s2.json");
    await expect(applySeasons(h.db, [big!, { ...file!, slug: "breaks-last", graceDays: 2 ** 40 }])).rejects.toThrow();
    expect({ ...(await snapshot(h)), participants: await h.db.select().from(participants) }).toEqual(before);
    // And the same season alone is written whole, its members all there.
    await applySeasons(h.db, [big!]);
    const [row] = await h.db.select().from(seasons).where(eq(seasons.slug, "big-one"));
    const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(eq(teams.seasonId, row!.id));
    expect(n).toBe(1500);
    expect(await applySeasons(h.db, [big!])).toEqual([{ slug: "big-one", action: "unchanged", changes: [] }]);
    const [first, second, ...rest] = big!.teams;
    const edited = { ...big!, teams: [{ ...first!, members: [...first!.members.slice(1), "newcomer"] }, { ...second!, joinedAt: "2020-03-20T00:00:00+08:00" }, ...rest] };
    const [result] = await applySeasons(h.db, [edited]);
    expect(result?.changes).toEqual(["team team-0: 1 member(s) removed", "team team-0: member added", ...second!.members.map(() => "team team-1: joinedAt changed")]);
  });
});
