import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seasonRepositories, seasons, teamMembers, teams } from "@/db/schema";
import { seasonsApply } from "@/cli/commands/seasons-apply";
import { DRIVERS, freshDatabase } from "../harness/databases";

const FILES = ["docs/examples/season-1.json", "docs/examples/season-2.json"];

/** `podium seasons apply FILE` in this process (prepare, then execute); what it printed. */
async function apply(h: DbHandle, file: string): Promise<string[]> {
  const lines: string[] = [];
  const checked = seasonsApply.check(await seasonsApply.prepare([file]));
  if (!checked.ok) throw new Error(checked.issues.join("\n"));
  expect(await checked.run(h.db, { line: (t) => lines.push(t), error: (t) => lines.push(`! ${t}`) })).toBe(0);
  return lines;
}

async function snapshot(h: DbHandle) {
  return {
    seasons: await h.db.select().from(seasons).orderBy(asc(seasons.id)),
    repos: await h.db.select().from(seasonRepositories).orderBy(asc(seasonRepositories.seasonId), asc(seasonRepositories.repositoryId)),
    teams: await h.db.select().from(teams).orderBy(asc(teams.id)),
    members: await h.db.select().from(teamMembers).orderBy(asc(teamMembers.teamId), asc(teamMembers.participantId)),
  };
}

describe.each(DRIVERS)("the worked examples (docs/examples) on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("seasons apply creates season 1 and season 2 as the real programs ran them", async () => {
    const [s1, s2] = [await apply(h, FILES[0]!), await apply(h, FILES[1]!)];
    expect(s1[0]).toMatch(/^created\s+2019-s1-performance$/);
    expect(s1.at(-1)).toBe(`${FILES[0]}: 1 season(s), 1 changed.`);
    expect(s2[0]).toMatch(/^created\s+2020-s2-usability$/);
    expect(s2.at(-1)).toBe(`${FILES[1]}: 1 season(s), 1 changed.`);
    const rows = await h.db.select({ slug: seasons.slug, startsAt: seasons.startsAt, endsAt: seasons.endsAt }).from(seasons).orderBy(asc(seasons.startsAt));
    expect(rows.map((r) => [r.slug, r.startsAt.toISOString(), r.endsAt.toISOString()])).toEqual([
      ["2019-s1-performance", "2019-11-03T16:00:00.000Z", "2020-02-04T15:59:59.000Z"],
      ["2020-s2-usability", "2020-03-01T16:00:00.000Z", "2020-05-30T15:59:59.000Z"],
    ]);
    const s = await snapshot(h);
    // 3 repositories in season 1, 10 in season 2; two teams of three in each (a member who left, `leftAt`, keeps
    // a membership row: the team keeps the points earned before; adjust if the merged schema stores leaving otherwise).
    expect(s.repos).toHaveLength(13);
    expect(s.teams.map((t) => t.name)).toEqual(["example-team", "example-star-team", "example-team", "example-star-team"]);
    expect(s.members).toHaveLength(12);
  });

  it("a second apply of each file changes nothing", async () => {
    const before = await snapshot(h);
    for (const file of FILES) {
      const out = await apply(h, file);
      expect(out[0]).toMatch(/^unchanged /);
      expect(out.at(-1)).toBe(`${file}: 1 season(s), 0 changed.`);
    }
    expect(await snapshot(h)).toEqual(before);
  });
});
