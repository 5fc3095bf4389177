import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { roles, seasonRepositories, seasons, teamMembers, teams } from "@/db/schema";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument, type SeasonFile } from "@/lib/seasons/season-file";
import { listSeasons } from "@/lib/queries/seasons";
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
});
