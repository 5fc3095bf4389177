import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf, type DbHandle } from "@/db/client";
import { runCommand } from "@/lib/commands/command";
import { previewSeason, previewSeasonFiles } from "@/lib/commands/preview-season";
import { describeMove } from "@/lib/seasons/ranking-moves";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createLedgerEntries, createParticipant, createSeason, createTask, seasonFile } from "../factories/db";

/** A checksum of every row of every table: equal before and after means nothing was written. */
async function checksums(h: DbHandle): Promise<Record<string, string>> {
  const tables = rowsOf<{ tablename: string }>(await h.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`));
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = rowsOf<{ sum: string }>(await h.db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${tablename}" t`)));
    out[tablename] = row!.sum;
  }
  return out;
}

describe.each(DRIVERS)("seasons apply --dry-run on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => h.close());

  it("lists who would move by how many points, and leaves every table byte-identical", async () => {
    const season = await createSeason(h.db, { slug: "dry", name: "Dry", repos: ["dry/run"] });
    const [ann, bob, cy] = [await createParticipant(h.db, { login: "ann" }), await createParticipant(h.db, { login: "bob" }), await createParticipant(h.db, { login: "cy" })];
    const easy = [await createTask(h.db, { season, difficulty: "easy" }), await createTask(h.db, { season, difficulty: "easy" }), await createTask(h.db, { season, difficulty: "easy" })];
    const medium = await createTask(h.db, { season, difficulty: "medium" });
    const day = (d: number) => new Date(Date.UTC(2020, 2, d));
    // ann 200 (two easy), bob 300 (one medium), cy 100 (one easy, earned after ann's first).
    await createLedgerEntries(h.db, [
      { season, participant: ann!, task: easy[0], occurredAt: day(2) },
      { season, participant: ann!, task: easy[1], occurredAt: day(3) },
      { season, participant: bob!, task: medium, points: 300, occurredAt: day(4) },
      { season, participant: cy!, task: easy[2], occurredAt: day(5) },
    ]);
    const before = await checksums(h);

    // Capping easy at 100: ann 200 → 100 and ties with cy (ann reached 100 first, both rank 2); bob keeps #1.
    const file = seasonFile({ slug: "dry", name: "Dry", repos: ["dry/run"], rules: { caps: [{ difficulty: "easy", max: 100 }] } });
    const preview = await runCommand(h.db, previewSeasonFiles, "operator", { seasons: [file] });
    expect(preview.changes).toEqual([{ slug: "dry", action: "updated", changes: [expect.stringMatching(/^rules: /)] }]);
    expect(preview.moves).toEqual([
      { slug: "dry", ranking: "individuals", who: "ann", before: { rank: 2, score: 200 }, after: { rank: 2, score: 100 } },
      { slug: "dry", ranking: "individuals", who: "cy", before: { rank: 3, score: 100 }, after: { rank: 2, score: 100 } },
    ]);
    expect(preview.moves.map(describeMove)).toEqual(["ann: #2 → #2, 200 → 100 points (-100)", "cy: #3 → #2, 100 → 100 points (0)"]);
    expect(await checksums(h)).toEqual(before);

    // The season editor's preview says the same, for an admin only, and writes nothing either.
    const admin = { userId: "u-admin", participantId: null, login: "the-admin", isAdmin: true, maintainerOf: [] };
    const web = await runCommand(h.db, previewSeason, admin, { json: JSON.stringify(file) });
    expect(web.moves).toEqual(preview.moves);
    await expect(runCommand(h.db, previewSeason, { ...admin, isAdmin: false }, { json: JSON.stringify(file) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await checksums(h)).toEqual(before);
  });
});
