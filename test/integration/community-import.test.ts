import fs from "node:fs";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, communityMembers, participants } from "@/db/schema";
import { communityImport } from "@/cli/commands/community-import";
import { runCommand } from "@/lib/commands/command";
import { importCommunityFile } from "@/lib/commands/import-community";
import { communityRolesOf, communityStandingOf, listSigs } from "@/lib/queries/community";
import type { Viewer } from "@/lib/auth/permissions";
import { seedDemo } from "@/demo/program/seed";
import { createParticipant } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

const FILE = "test/fixtures/community.json";
const members = JSON.parse(fs.readFileSync(FILE, "utf8")) as unknown[];

/** Runs `podium community import FILE` in this process (prepare, then execute) and returns what it printed. */
async function cli(h: DbHandle, file: string): Promise<string[]> {
  const lines: string[] = [];
  const checked = communityImport.check(await communityImport.prepare([file]));
  if (!checked.ok) throw new Error(checked.issues.join("\n"));
  const code = await checked.run(h.db, { line: (t) => lines.push(t), error: (t) => lines.push(`! ${t}`) });
  expect(code).toBe(0);
  return lines;
}

async function stored(h: DbHandle) {
  return h.db
    .select({ login: participants.login, role: communityMembers.role, sigs: communityMembers.sigs })
    .from(communityMembers)
    .innerJoin(participants, eq(participants.id, communityMembers.participantId))
    .orderBy(asc(sql`lower(${participants.login})`));
}

describe.each(DRIVERS)("community import on %s", (kind) => {
  let h: DbHandle;
  let aliceId: number;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    // alice is a participant already (she took part); the others become participants through the import.
    aliceId = (await createParticipant(h.db, { login: "alice-reviewer" })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("imports the members, creating participants for logins not yet known", async () => {
    const out = await cli(h, FILE);
    expect(out).toEqual([
      "added    alice-reviewer: reviewer (SIGs: sig-planner)",
      "added    Bob-Committer: committer (SIGs: sig-exec, sig-planner)",
      "added    carol: active-contributor",
      "added    dave-m: maintainer (SIGs: sig-engine)",
      `${FILE}: 4 member(s); 4 added, 0 changed, 0 removed.`,
    ]);
    expect(await stored(h)).toEqual([
      { login: "alice-reviewer", role: "reviewer", sigs: ["sig-planner"] },
      { login: "Bob-Committer", role: "committer", sigs: ["sig-exec", "sig-planner"] },
      { login: "carol", role: "active-contributor", sigs: [] },
      { login: "dave-m", role: "maintainer", sigs: ["sig-engine"] },
    ]);
    const people = await h.db.select({ login: participants.login }).from(participants).orderBy(asc(sql`lower(${participants.login})`));
    expect(people.map((p) => p.login)).toEqual(["alice-reviewer", "Bob-Committer", "carol", "dave-m"]);
  });

  it("a second import of the same file changes nothing and writes no audit event", async () => {
    const audits = (await h.db.select().from(auditEvents).where(eq(auditEvents.action, "community.import"))).length;
    expect(audits).toBe(1);
    const before = await h.db.select().from(communityMembers).orderBy(asc(communityMembers.participantId));
    expect(await cli(h, FILE)).toEqual([`${FILE}: 4 member(s); already up to date, nothing changed.`]);
    expect(await h.db.select().from(communityMembers).orderBy(asc(communityMembers.participantId))).toEqual(before);
    expect((await h.db.select().from(auditEvents).where(eq(auditEvents.action, "community.import"))).length).toBe(1);
  });

  it("reads roles by participant id, by login, and SIGs with their members", async () => {
    const roles = await communityRolesOf(h.db, [aliceId, aliceId, 999_999]);
    expect([...roles.entries()]).toEqual([[aliceId, { role: "reviewer", sigs: ["sig-planner"] }]]);
    expect(await communityStandingOf(h.db, "BOB-committer")).toEqual({ role: "committer", sigs: ["sig-exec", "sig-planner"] });
    expect(await communityStandingOf(h.db, "nobody-here")).toBeNull();
    expect(await listSigs(h.db)).toEqual([
      { name: "sig-engine", members: [{ login: "dave-m", role: "maintainer" }] },
      { name: "sig-exec", members: [{ login: "Bob-Committer", role: "committer" }] },
      { name: "sig-planner", members: [{ login: "Bob-Committer", role: "committer" }, { login: "alice-reviewer", role: "reviewer" }] },
    ]);
  });

  it("a changed file updates roles and SIGs and removes the members it no longer lists, saying so", async () => {
    const next = [
      { login: "alice-reviewer", role: "committer", sigs: ["sig-planner"] },
      { login: "bob-committer", role: "committer", sigs: ["sig-exec", "sig-planner"] }, // another case: the same member
      { login: "dave-m", role: "maintainer", sigs: [] },
      { login: "eve-new", role: "contributor", sigs: [] },
    ];
    const r = await runCommand(h.db, importCommunityFile, "operator", { members: next });
    expect(r.changes).toEqual([
      { kind: "changed", login: "alice-reviewer", role: "committer", sigs: ["sig-planner"], was: { role: "reviewer", sigs: ["sig-planner"] } },
      { kind: "changed", login: "dave-m", role: "maintainer", sigs: [], was: { role: "maintainer", sigs: ["sig-engine"] } },
      { kind: "added", login: "eve-new", role: "contributor", sigs: [] },
      { kind: "removed", login: "carol", was: { role: "active-contributor", sigs: [] } },
    ]);
    expect((await stored(h)).map((s) => `${s.login}:${s.role}:${s.sigs.join("+")}`)).toEqual([
      "alice-reviewer:committer:sig-planner",
      "Bob-Committer:committer:sig-exec+sig-planner",
      "dave-m:maintainer:",
      "eve-new:contributor:",
    ]);
    // carol stays a participant; she only lost her community role.
    expect(await h.db.select({ id: participants.id }).from(participants).where(eq(participants.login, "carol"))).toHaveLength(1);
    expect(await communityStandingOf(h.db, "carol")).toBeNull();
  });

  it("the CLI says which members were removed", async () => {
    const out = await cli(h, FILE);
    expect(out).toContain("removed  eve-new: was contributor; not in the file, so no longer holds a community role");
    expect(out).toContain("added    carol: active-contributor");
    expect(out.at(-1)).toBe(`${FILE}: 4 member(s); 1 added, 2 changed, 1 removed.`);
  });

  it("an empty file removes everyone; only admins and the operator may import", async () => {
    const participant: Viewer = { userId: "u1", participantId: aliceId, login: "alice-reviewer", isAdmin: false, maintainerOf: ["pingcap/tidb"] };
    await expect(runCommand(h.db, importCommunityFile, participant, { members })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin: Viewer = { ...participant, isAdmin: true, maintainerOf: [] };
    const r = await runCommand(h.db, importCommunityFile, admin, { members: [] });
    expect(r.changes.map((c) => `${c.kind} ${c.login}`)).toEqual(["removed alice-reviewer", "removed Bob-Committer", "removed carol", "removed dave-m"]);
    expect(await stored(h)).toEqual([]);
  });
});

describe.each(DRIVERS)("the demo program's community on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("is imported with the demo, and a second seed changes nothing", async () => {
    await seedDemo(h.db);
    expect(await communityStandingOf(h.db, "plan-pilot")).toEqual({ role: "reviewer", sigs: ["sig-planner"] });
    expect(await communityStandingOf(h.db, "pd-shepherd")).toEqual({ role: "committer", sigs: [] });
    const planner = (await listSigs(h.db)).find((s) => s.name === "sig-planner");
    expect(planner?.members).toEqual([
      { login: "planner-pat", role: "maintainer" },
      { login: "plan-pilot", role: "reviewer" },
      { login: "cbo-crow", role: "active-contributor" },
    ]);
    const before = await h.db.select().from(communityMembers).orderBy(asc(communityMembers.participantId));
    expect(before).toHaveLength(9);
    await seedDemo(h.db);
    expect(await h.db.select().from(communityMembers).orderBy(asc(communityMembers.participantId))).toEqual(before);
  });
});
