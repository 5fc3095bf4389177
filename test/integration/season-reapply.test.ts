import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, participants, roles, seasonRepositories, seasons, teamMembers, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { runCommand } from "@/lib/commands/command";
import { saveSeason } from "@/lib/commands/save-season";
import { DRIVERS, freshDatabase } from "../harness/databases";

const valid = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;

/** The contract's example, spelled as a hand-edited file might be: spaces, NFD accents, mixed case, a BOM. */
const messy = `\uFEFF${JSON.stringify({
  ...valid,
  name: "  Saison \u0065\u0301t\u0065\u0301 ",
  repos: ["PingCAP/TiDB", " tikv/tikv", "pingcap/pd "],
  taskLabels: [" challenge-program-2"],
  maintainers: { "PingCAP/TiDB ": ["Some-Login "] },
  teams: [{ name: " dot-star ", members: ["Login-A", " login-b"], joinedAt: "2020-03-10T00:00:00+08:00" }],
  unranked: [" Staff-Login"],
})}`;

async function everything(h: DbHandle) {
  const { db } = h;
  return {
    seasons: await db.select().from(seasons),
    repos: await db.select().from(seasonRepositories),
    roles: await db.select().from(roles),
    teams: await db.select().from(teams),
    members: await db.select().from(teamMembers),
    participants: await db.select().from(participants),
    audit: await db.select().from(auditEvents),
  };
}

describe.each(DRIVERS)("re-applying a season file that needs normalizing, on %s", (kind) => {
  let h: DbHandle;
  let admin: Viewer;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    const [row] = await h.db.insert(participants).values({ login: "admin" }).returning();
    admin = { userId: "u", participantId: row!.id, login: "admin", isAdmin: true, maintainerOf: [] };
  });
  afterAll(async () => {
    await h?.close();
  });

  it("stores the normalized strings", async () => {
    expect(await runCommand(h.db, saveSeason, admin, { json: messy })).toEqual([{ slug: "2020-s2", action: "created", changes: [] }]);
    const [season] = await h.db.select().from(seasons);
    expect(season?.name).toBe("Saison \u00e9t\u00e9");
    expect(season?.unranked).toEqual(["Staff-Login"]);
    expect(season?.taskLabels).toEqual(["challenge-program-2"]);
    expect((await h.db.select().from(teams)).map((t) => t.name)).toEqual(["dot-star"]);
  });

  it("applying the same file again changes nothing and writes no audit row", async () => {
    const before = await everything(h);
    expect(await runCommand(h.db, saveSeason, admin, { json: messy })).toEqual([{ slug: "2020-s2", action: "unchanged", changes: [] }]);
    expect(await everything(h)).toEqual(before);
  });

  it("so does the tidy spelling of the same season", async () => {
    const before = await everything(h);
    const tidy = JSON.stringify({ ...valid, name: "Saison \u00e9t\u00e9", maintainers: { "pingcap/tidb": ["some-login"] }, teams: [{ name: "dot-star", members: ["login-a", "login-b"], joinedAt: "2020-03-10T00:00:00+08:00" }], unranked: ["Staff-Login"] });
    expect(await runCommand(h.db, saveSeason, admin, { json: tidy })).toEqual([{ slug: "2020-s2", action: "unchanged", changes: [] }]);
    expect(await everything(h)).toEqual(before);
  });
});
