import { beforeEach, describe, expect, it, vi } from "vitest";
import { ZSetTaskPerPr } from "@/lib/commands/set-task-per-pr";

const started = vi.hoisted(() => ({ calls: [] as { season: string; full?: boolean }[] }));
vi.mock("@/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/queries/season-repos", () => ({ seasonRepos: async () => ["pingcap/tidb"] }));
vi.mock("@/lib/auth/guard", () => ({ UnauthenticatedError: class extends Error {}, requirePermission: async () => ({ login: "maint" }) }));
vi.mock("@/lib/sync/start-background-sync", () => ({
  startBackgroundSync: async (input: { season: string; full?: boolean }) => {
    started.calls.push(input);
    return 7;
  },
}));
const { syncSeasonAction } = await import("@/app/_actions/sync-season");

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("yes/no form fields", () => {
  beforeEach(() => {
    started.calls = [];
  });

  it.each([
    [{ season: "s1", full: "false" }, false],
    [{ season: "s1", full: "0" }, false],
    [{ season: "s1", full: "true" }, true],
    [{ season: "s1", full: "on" }, true],
    [{ season: "s1" }, undefined],
  ])("Sync now with %j starts a sync with full=%s", async (fields, full) => {
    const r = await syncSeasonAction(null, form(fields));
    expect(r).toEqual({ ok: true, data: { runId: 7 }, message: "Sync started." });
    expect(started.calls).toEqual([{ season: "s1", startedBy: "maint", full }]);
  });

  it("Sync now with full=maybe is refused, naming the field, and starts nothing", async () => {
    const r = await syncSeasonAction(null, form({ season: "s1", full: "maybe" }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe("INVALID");
    expect(!r.ok && r.fieldErrors).toEqual({ full: "expected true or false" });
    expect(started.calls).toEqual([]);
  });

  it("perPr reads false as false and refuses garbage or a missing value instead of turning per-PR off", () => {
    const base = { taskId: "3", reason: "umbrella task" };
    expect(ZSetTaskPerPr.parse({ ...base, perPr: "false" }).perPr).toBe(false);
    expect(ZSetTaskPerPr.parse({ ...base, perPr: "true" }).perPr).toBe(true);
    expect(ZSetTaskPerPr.safeParse({ ...base, perPr: "garbage" }).error?.issues[0]?.path).toEqual(["perPr"]);
    expect(ZSetTaskPerPr.safeParse(base).error?.issues[0]?.path).toEqual(["perPr"]);
  });
});
