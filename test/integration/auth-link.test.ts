import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, seasons, seasonTotals } from "@/db/schema";
import { generateDemoProgram } from "@/demo/program/generate";
import { seedDemo } from "@/demo/program/seed";
import { linkParticipant, loadViewer } from "@/lib/auth/viewer";
import { createUser } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

describe.each(DRIVERS)("signing in links the participant on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newUser = async () => (await createUser(h.db, { name: "someone" })).id;

  it("a participant who scored before signing in keeps their points, even under a new login", async () => {
    const demo = generateDemoProgram().users.find((u) => u.login === "raftwalker")!;
    const [before] = await h.db.select().from(participants).where(eq(participants.githubId, demo.databaseId));
    const userId = await newUser();
    const id = await linkParticipant(h.db, userId, { id: demo.databaseId, login: "raftwalker-renamed", name: "Raft Walker", avatar_url: demo.avatarUrl });
    expect(id).toBe(before!.id);
    const [after] = await h.db.select().from(participants).where(eq(participants.id, id));
    expect(after?.login).toBe("raftwalker-renamed");
    const totals = await h.db.select().from(seasonTotals).where(eq(seasonTotals.participantId, id));
    expect(totals.length).toBeGreaterThan(0);
    const viewer = await loadViewer(h.db, userId);
    expect(viewer).toMatchObject({ login: "raftwalker-renamed", isAdmin: false, maintainerOf: [] });
  });

  it("roles come from the season files and the admin list", async () => {
    const program = generateDemoProgram();
    const pd = program.users.find((u) => u.login === "pd-shepherd")!;
    const maintainer = await newUser();
    await linkParticipant(h.db, maintainer, { id: pd.databaseId, login: pd.login });
    expect(await loadViewer(h.db, maintainer)).toMatchObject({ isAdmin: false, maintainerOf: ["pingcap/pd"] });
    const org = program.users.find((u) => u.login === "cp-organizer")!;
    const admin = await newUser();
    await linkParticipant(h.db, admin, { id: org.databaseId, login: org.login });
    expect(await loadViewer(h.db, admin)).toMatchObject({ isAdmin: true });
  });

  it("a newcomer gets a fresh participant", async () => {
    const userId = await newUser();
    const id = await linkParticipant(h.db, userId, { id: 55_555_555, login: "brand-new" });
    const [row] = await h.db.select().from(participants).where(eq(participants.id, id));
    expect(row).toMatchObject({ login: "brand-new", githubId: 55_555_555 });
    expect((await h.db.select().from(seasons)).length).toBe(2);
  });
});
