import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission, type Viewer } from "@/lib/auth/permissions";

const viewer = (v: Partial<Viewer>): Viewer => ({ userId: "u", participantId: 1, login: "x", isAdmin: false, maintainerOf: [], ...v });
const participant = viewer({});
const pdMaintainer = viewer({ maintainerOf: ["pingcap/pd"] });
const admin = viewer({ isAdmin: true });

/** Every permission there is, written out here (not read from the map under test). */
const ALL: Permission[] = [
  "season.manage",
  "role.manage",
  "task.score",
  "task.assign",
  "task.mark",
  "points.award",
  "sync.run",
  "audit.read",
  "admin.view",
  "task.pickup",
  "appeal.open",
  "shop.manage",
  "shop.redeem",
  "jobs.view",
  "profile.edit",
  "participant.manage",
];
/** Who holds what, as the governance says; a permission added to or dropped from the map fails until this is updated. */
const EXPECTED: Record<"admin" | "maintainer" | "participant", Permission[]> = {
  admin: ALL,
  maintainer: ["task.score", "task.assign", "task.mark", "points.award", "sync.run", "audit.read", "admin.view", "task.pickup", "appeal.open", "shop.redeem", "profile.edit"],
  participant: ["task.pickup", "appeal.open", "shop.redeem", "profile.edit"],
};
/** What a maintainer still holds on a repository that is not theirs. */
const MAINTAINER_ELSEWHERE: Permission[] = ["admin.view", "task.pickup", "appeal.open", "shop.redeem", "profile.edit"];

const held = (v: Viewer | null, scope?: { repo?: string }) => ALL.filter((p) => can(v, p, scope)).sort();

describe("permissions", () => {
  it("the map holds exactly the expected permissions per role", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(["admin", "maintainer", "participant"]);
    for (const role of ["admin", "maintainer", "participant"] as const) {
      expect([...PERMISSIONS[role]].sort(), role).toEqual([...EXPECTED[role]].sort());
    }
  });

  it("each kind of viewer holds exactly its row of the table", () => {
    expect(held(null)).toEqual([]);
    expect(held(participant, { repo: "pingcap/pd" })).toEqual([...EXPECTED.participant].sort());
    expect(held(pdMaintainer, { repo: "pingcap/pd" })).toEqual([...EXPECTED.maintainer].sort());
    expect(held(pdMaintainer, { repo: "pingcap/tidb" })).toEqual([...MAINTAINER_ELSEWHERE].sort());
    expect(held(admin, { repo: "any/repo" })).toEqual([...ALL].sort());
    expect(held(admin)).toEqual([...ALL].sort());
  });

  it("anonymous may do nothing", () => {
    for (const p of ALL) expect(can(null, p), p).toBe(false);
  });

  it("a participant may pick up tasks, appeal and redeem credits, nothing else", () => {
    expect(can(participant, "task.pickup")).toBe(true);
    expect(can(participant, "task.score", { repo: "pingcap/pd" })).toBe(false);
    expect(can(participant, "admin.view")).toBe(false);
    expect(can(participant, "sync.run", { repos: ["pingcap/pd"] })).toBe(false);
  });

  it("a maintainer acts on their repositories only", () => {
    expect(can(pdMaintainer, "task.score", { repo: "pingcap/pd" })).toBe(true);
    expect(can(pdMaintainer, "task.score", { repo: "PingCAP/PD" })).toBe(true);
    expect(can(pdMaintainer, "task.score", { repo: "pingcap/tidb" })).toBe(false);
    expect(can(pdMaintainer, "sync.run", { repos: ["pingcap/tidb", "pingcap/pd"] })).toBe(true);
    expect(can(pdMaintainer, "sync.run", { repos: ["pingcap/tidb"] })).toBe(false);
    expect(can(pdMaintainer, "season.manage")).toBe(false);
    expect(can(pdMaintainer, "role.manage")).toBe(false);
    expect(can(pdMaintainer, "admin.view")).toBe(true);
  });

  it("an admin may do everything, everywhere", () => {
    for (const p of ALL) expect(can(admin, p, { repo: "any/repo" }), p).toBe(true);
  });
});
