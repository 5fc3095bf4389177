import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { participants, seasons, teamMembers, teams } from "@/db/schema";
import { seasonAsFile } from "@/lib/queries/season-as-file";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument, type SeasonFile } from "@/lib/seasons/season-file";
import { DRIVERS, freshDatabase } from "../harness/databases";

const raw = JSON.parse(fs.readFileSync("test/fixtures/season-round2.json", "utf8")) as Record<string, unknown>;
const parse = (doc: unknown): SeasonFile => {
  const r = parseSeasonDocument(doc);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data[0]!;
};

describe.each(DRIVERS)("the second round's season fields on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => h.close());

  it("are stored, shown back as a season file, and that file applies as no change", async () => {
    expect(await applySeasons(h.db, [parse(raw)])).toEqual([{ slug: "r2-full", action: "created", changes: [] }]);
    const [row] = await h.db.select().from(seasons).where(eq(seasons.slug, "r2-full"));
    expect(row!.options).toMatchObject({ companionRepos: ["tikv/titan", "tikv/client-rust"], excluded: ["sre-bot"], registration: { titlePrefix: "UCP/Sign Up" } });
    expect(row!.rules.picks).toEqual({ max: 1, perTeamMember: true, releaseAfterDays: 7 });
    const members = await h.db
      .select({ login: participants.login, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt, difficulties: teams.difficulties })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .innerJoin(participants, eq(participants.id, teamMembers.participantId))
      .orderBy(participants.login);
    expect(members).toEqual([
      { login: "a-star", joinedAt: new Date("2020-03-09T16:00:00Z"), leftAt: null, difficulties: ["hard"] },
      { login: "b-star", joinedAt: new Date("2020-03-09T16:00:00Z"), leftAt: new Date("2020-03-31T16:00:00Z"), difficulties: ["hard"] },
      // No joinedAt in the file: from the season's start.
      { login: "c-solo", joinedAt: new Date("2020-03-01T16:00:00Z"), leftAt: null, difficulties: null },
    ]);

    const shown = await seasonAsFile(h.db, "r2-full");
    expect(shown).toMatchObject({ startsAt: "2020-03-02T00:00:00+08:00", endsAt: "2020-05-30T23:59:59+08:00", umbrellas: raw.umbrellas, prizes: raw.prizes });
    expect(shown!.teams[0]).toEqual({ name: "dot-star", members: ["a-star", "b-star"], joinedAt: "2020-03-10T00:00:00+08:00", leftAt: { "b-star": "2020-04-01T00:00:00+08:00" }, difficulties: ["hard"] });
    const again = parse(JSON.parse(JSON.stringify(shown)));
    expect(await applySeasons(h.db, [again])).toEqual([{ slug: "r2-full", action: "unchanged", changes: [] }]);
  });

  it("reports each change of the new fields", async () => {
    const changed = parse({
      ...raw,
      excluded: ["sre-bot", "ci-robot"],
      teams: [{ ...(raw.teams as object[])[0], leftAt: {}, difficulties: ["hard", "medium"] }, (raw.teams as object[])[1]],
    });
    const [result] = await applySeasons(h.db, [changed]);
    expect(result!.action).toBe("updated");
    expect(result!.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^options: .*ci-robot/),
        'team dot-star: difficulties ["hard"] → ["hard","medium"]',
        "team dot-star: leftAt changed",
      ]),
    );
    const [b] = await h.db.select({ leftAt: teamMembers.leftAt }).from(teamMembers).innerJoin(participants, eq(participants.id, teamMembers.participantId)).where(eq(participants.login, "b-star"));
    expect(b!.leftAt).toBeNull();
  });
});
