import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, holderState, LockBusy, liveHolder, parseProcStat, updateLock, type ProcessProbe, type ProcStat } from "@/db/pglite-lock";

const BOOT = "boot-1";
/** A machine of made-up processes: pid → its /proc state and start time. */
function machine(self: number, procs: Record<number, ProcStat>, bootId: string | null = BOOT): ProcessProbe {
  return {
    self,
    selfStart: procs[self]?.startTime ?? null,
    bootId,
    stat: (pid) => procs[pid] ?? null,
    exists: (pid) => pid in procs,
  };
}

describe("holderState", () => {
  const procs = { 100: { state: "S", startTime: "5000" }, 200: { state: "Z", startTime: "6000" }, 300: { state: "R", startTime: "9999" } };
  const probe = machine(100, procs);

  it("a running holder with the recorded start time is live", () => {
    expect(holderState({ pid: 300, procStart: "9999", bootId: BOOT }, probe)).toBe("live");
  });
  it("a holder that no longer exists is dead", () => {
    expect(holderState({ pid: 400, procStart: "1", bootId: BOOT }, probe)).toBe("dead");
  });
  it("a zombie holder (state Z in /proc/<pid>/stat) has let go", () => {
    expect(holderState({ pid: 200, procStart: "6000", bootId: BOOT }, probe)).toBe("zombie");
  });
  it("a pid now used by an unrelated process (another start time) is a reused pid", () => {
    expect(holderState({ pid: 300, procStart: "1234", bootId: BOOT }, probe)).toBe("reused");
  });
  it("a record from before a reboot names no running process", () => {
    expect(holderState({ pid: 300, procStart: "9999", bootId: "boot-0" }, probe)).toBe("rebooted");
  });
  it("this process's own pid: its own record, or an earlier process's that had the same pid", () => {
    expect(holderState({ pid: 100, procStart: "5000" }, probe)).toBe("self");
    expect(holderState({ pid: 100, procStart: "4000" }, probe)).toBe("reused");
  });
  it("without /proc, only whether the pid exists tells", () => {
    const noProc: ProcessProbe = { ...probe, bootId: null, stat: () => undefined };
    expect(holderState({ pid: 300, procStart: "1234" }, noProc)).toBe("live");
    expect(holderState({ pid: 400 }, noProc)).toBe("dead");
  });
  it("an old record without a start time is live while its pid runs", () => {
    expect(holderState({ pid: 300 }, probe)).toBe("live");
  });
});

describe("parseProcStat", () => {
  it("reads the state and the start time (field 22), even with spaces and parentheses in the command", () => {
    const rest = "S 1 1 1 0 -1 4194560 10 0 0 0 1 2 0 0 20 0 1 0 777123 1000 10";
    expect(parseProcStat(`42 (node) ${rest}`)).toEqual({ state: "S", startTime: "777123" });
    expect(parseProcStat(`42 (a b) (c)) ${rest.replace(/^S/, "Z")}`)).toEqual({ state: "Z", startTime: "777123" });
    expect(parseProcStat("garbage")).toBeNull();
  });
  it("reads this very process", () => {
    const own = parseProcStat(fs.readFileSync("/proc/self/stat", "utf8"));
    expect(own?.state).toMatch(/^[RS]$/);
    expect(Number(own?.startTime)).toBeGreaterThan(0);
  });
});

describe("acquireLock", () => {
  const dirs: string[] = [];
  const lockFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-lock-"));
    dirs.push(dir);
    return path.join(dir, "db.lock");
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const procs = { 10: { state: "S", startTime: "100" }, 20: { state: "S", startTime: "200" }, 30: { state: "Z", startTime: "300" }, 40: { state: "S", startTime: "999" } };

  it("refuses while a live process holds it, naming pid and port only", async () => {
    const file = lockFile();
    fs.writeFileSync(file, JSON.stringify({ pid: 20, procStart: "200", bootId: BOOT, port: 3000, token: "tok-secret" }));
    const error = await acquireLock(file, {}, machine(10, procs)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusy);
    expect((error as LockBusy).holder).toEqual({ pid: 20, port: 3000 });
    expect(JSON.stringify(error) + String(error)).not.toContain("tok-secret");
    expect(read(file).pid).toBe(20);
  });

  it.each([
    ["a zombie", { pid: 30, procStart: "300", bootId: BOOT }],
    ["a reused pid", { pid: 40, procStart: "400", bootId: BOOT }],
    ["a dead process", { pid: 50, procStart: "500", bootId: BOOT }],
    ["an unreadable record", null],
  ])("takes over the lock of %s", async (_what, stale) => {
    const file = lockFile();
    fs.writeFileSync(file, stale ? JSON.stringify({ ...stale, token: "old" }) : "{ half-writ");
    const release = await acquireLock(file, { role: "server" }, machine(10, procs));
    expect(read(file)).toMatchObject({ pid: 10, procStart: "100", bootId: BOOT, role: "server" });
    expect(read(file).token).toBeUndefined();
    release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("two processes taking over the same stale lock at once: exactly one gets it", async () => {
    for (let round = 0; round < 10; round++) {
      const file = lockFile();
      fs.writeFileSync(file, JSON.stringify({ pid: 50, procStart: "500", bootId: BOOT }));
      const results = await Promise.allSettled([acquireLock(file, {}, machine(10, procs)), acquireLock(file, {}, machine(20, procs))]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(LockBusy);
      expect([10, 20]).toContain(read(file).pid);
      expect((lost.reason as LockBusy).holder.pid).toBe(read(file).pid);
      expect(fs.readdirSync(path.dirname(file))).toEqual(["db.lock"]);
    }
  });

  it("the release removes only this acquisition's record, and updates keep it whole", async () => {
    const file = lockFile();
    const release = await acquireLock(file, {}, machine(10, procs));
    updateLock(file, { port: 3100, token: "t" }, 10);
    expect(read(file)).toMatchObject({ pid: 10, port: 3100, token: "t" });
    expect(liveHolder(file, machine(20, procs))).toMatchObject({ pid: 10, port: 3100 });
    // Another process took it over meanwhile (say this one was judged dead): the release leaves it alone.
    fs.writeFileSync(file, JSON.stringify({ pid: 20, procStart: "200", bootId: BOOT }));
    release();
    expect(read(file).pid).toBe(20);
  });
});
