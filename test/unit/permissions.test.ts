import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Viewer } from "@/lib/auth/permissions";

const viewer = (v: Partial<Viewer>): Viewer => ({ userId: "u", participantId: 1, login: "x", isAdmin: false, maintainerOf: [], ...v });
const participant = viewer({});
const pdMaintainer = viewer({ maintainerOf: ["pingcap/pd"] });
const admin = viewer({ isAdmin: true });

describe("permissions", () => {
  it("anonymous may do nothing", () => {
    for (const p of PERMISSIONS.admin) expect(can(null, p)).toBe(false);
  });

  it("a participant may pick up tasks only", () => {
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
    for (const p of PERMISSIONS.admin) expect(can(admin, p, { repo: "any/repo" })).toBe(true);
  });
});
