import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { seasonTotals, type Participant, type Season } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { importCommunityFile } from "@/lib/commands/import-community";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";

describe.each(DRIVERS)("a gate waived from a community role, on %s", (kind) => {
  let h: DbHandle;
  let season: Season;
  let bob: Participant;
  const points = async () => (await h.db.select({ p: seasonTotals.points }).from(seasonTotals).where(and(eq(seasonTotals.seasonId, season.id), eq(seasonTotals.participantId, bob.id))))[0]?.p ?? 0;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    // Medium tasks need 400 easy points first, unless one is a reviewer or above.
    season = await createSeason(h.db, { slug: "waived", repos: ["waived/app"], rules: { gates: [{ difficulty: "medium", minPoints: 400, from: "easy", waivedFrom: "reviewer" }] } });
    bob = (await createParticipant(h.db, { login: "bob" }))!;
    await createPullRequest(h.db, { author: bob, closes: await createTask(h.db, { season, difficulty: "medium" }), mergedAt: "2020-04-01T00:00:00Z" });
  });
  afterAll(async () => h.close());

  it("a community import that makes the author a reviewer re-derives the PR the gate held back, and taking the role away undoes it", async () => {
    expect(await points()).toBe(0); // below the gate at the merge: earns nothing
    await runCommand(h.db, importCommunityFile, "operator", { members: [{ login: "bob", role: "reviewer" }] });
    expect(await points()).toBe(300); // the medium task's default
    await runCommand(h.db, importCommunityFile, "operator", { members: [{ login: "bob", role: "contributor" }] });
    expect(await points()).toBe(0);
  });
});
