import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, seasonTotals } from "@/db/schema";
import { seedDemo } from "@/demo/program/seed";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { createUser } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

// PODIUM_ADMINS is read once per process, from the environment at first use.
process.env.PODIUM_ADMINS = "coldcache, Someone-Else";
const { loadViewer } = await import("@/lib/auth/viewer");

describe.each(DRIVERS)("scores rebuild and bootstrap admins on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a consistent database rebuilds to the same totals, reporting nothing", async () => {
    const reports = await rebuildTotals(h.db);
    expect(reports.map((r) => r.differences.length)).toEqual([0, 0]);
  });

  it("a total that drifted from the ledger is reported and repaired", async () => {
    const [p] = await h.db.select().from(participants).where(eq(participants.login, "raftwalker"));
    // raftwalker has a row in each season: compare the same one (by season) before and after.
    const [row] = await h.db.select().from(seasonTotals).where(eq(seasonTotals.participantId, p!.id)).orderBy(seasonTotals.seasonId);
    await h.db.update(seasonTotals).set({ points: 1 }).where(eq(seasonTotals.participantId, p!.id));
    const reports = await rebuildTotals(h.db);
    const diff = reports.flatMap((r) => r.differences).find((d) => d.login === "raftwalker");
    expect(diff).toMatchObject({ before: 1 });
    const [after] = await h.db.select().from(seasonTotals).where(eq(seasonTotals.participantId, p!.id)).orderBy(seasonTotals.seasonId);
    expect(after?.points).toBe(row?.points);
  });

  it("PODIUM_ADMINS makes those logins admins", async () => {
    const [p] = await h.db.select().from(participants).where(eq(participants.login, "coldcache"));
    const u = await createUser(h.db, { name: "c", participant: p! });
    expect(await loadViewer(h.db, u!.id)).toMatchObject({ login: "coldcache", isAdmin: true });
  });
});
