import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The lock file next to a PGlite folder: one process at a time opens the embedded database. The record names
 * the holder (pid, the process's start time and the machine's boot id, so a dead holder whose pid was reused is
 * recognised) and, for the server, its port and the CLI token (the file is mode 0600; the token never leaves it).
 */
export type PgliteLock = {
  pid: number;
  port?: number;
  token?: string;
  startedAt?: string;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot) when the holder took the lock. */
  procStart?: string;
  bootId?: string;
  /** Unique per acquisition: tells this process's record from any other, even one with the same pid. */
  nonce?: string;
  role?: string;
};

/** What is known of a process: its state letter and start time from /proc, `null` when it does not exist. */
export type ProcStat = { state: string; startTime: string };
export type ProcessProbe = {
  self: number;
  selfStart: string | null;
  bootId: string | null;
  /** `undefined`: no /proc on this system (then only `exists` can tell). */
  stat: (pid: number) => ProcStat | null | undefined;
  exists: (pid: number) => boolean;
};

export type HolderState = "live" | "self" | "dead" | "zombie" | "reused" | "rebooted";

/** Whether the lock's holder still holds it. Only "live" blocks; every other state may be taken over. */
export function holderState(lock: PgliteLock, probe: ProcessProbe): HolderState {
  if (lock.bootId && probe.bootId && lock.bootId !== probe.bootId) return "rebooted";
  if (lock.pid === probe.self) return !lock.procStart || !probe.selfStart || lock.procStart === probe.selfStart ? "self" : "reused";
  const stat = probe.stat(lock.pid);
  if (stat === undefined) return probe.exists(lock.pid) ? "live" : "dead";
  if (stat === null) return "dead";
  if (stat.state === "Z" || stat.state === "X" || stat.state === "x") return "zombie";
  if (lock.procStart && stat.startTime !== lock.procStart) return "reused";
  return "live";
}

/** Parses the text of /proc/<pid>/stat: the command (field 2) is in parentheses and may hold spaces or ")". */
export function parseProcStat(text: string): ProcStat | null {
  const end = text.lastIndexOf(")");
  if (end < 0) return null;
  const fields = text.slice(end + 2).trim().split(/\s+/);
  // After the command: field 3 (state) is fields[0], field 22 (starttime) is fields[19].
  if (!fields[0] || !fields[19]) return null;
  return { state: fields[0], startTime: fields[19] };
}

function readOr<T>(file: string, parse: (text: string) => T, missing: T, noProc: T | undefined = missing): T | undefined {
  try {
    return parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return fs.existsSync("/proc/self/stat") ? missing : noProc;
    return noProc;
  }
}

/** The real processes of this machine (Linux /proc; elsewhere only `kill(pid, 0)`). */
export function systemProbe(): ProcessProbe {
  const stat = (pid: number) => readOr<ProcStat | null>(`/proc/${pid}/stat`, parseProcStat, null, undefined);
  return {
    self: process.pid,
    selfStart: stat(process.pid)?.startTime ?? null,
    bootId: readOr<string | null>("/proc/sys/kernel/random/boot_id", (t) => t.trim() || null, null) ?? null,
    stat,
    exists: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM";
      }
    },
  };
}

type Found = { raw: string; lock: PgliteLock | null } | null;

/** The lock file's text and record (`lock: null` when unreadable: no process writes it partially). */
function readRaw(file: string): Found {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    const lock = JSON.parse(raw) as PgliteLock;
    return { raw, lock: typeof lock?.pid === "number" ? lock : null };
  } catch {
    return { raw, lock: null };
  }
}

/** The live process holding the lock file, other than this one; `null` if none (a stale record is ignored). */
export function liveHolder(file: string, probe: ProcessProbe = systemProbe()): PgliteLock | null {
  const found = readRaw(file);
  return found?.lock && holderState(found.lock, probe) === "live" ? found.lock : null;
}

/** A file of complete content, written under a unique name (then linked or renamed into place atomically). */
function writeTemp(file: string, record: PgliteLock): string {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(record), { mode: 0o600, flag: "wx" });
  return tmp;
}

const MARKER_STALE_MS = 10_000;

/**
 * Removes a stale lock, if it is still exactly the record judged stale. Only the holder of the takeover marker
 * (created with O_EXCL) may remove one, so two processes starting at once cannot both remove a record, and a
 * record written meanwhile by another process (it differs: a new nonce) is never removed. Synchronous on purpose:
 * the marker is held for a few system calls. A marker older than 10 s was left by a process killed right there.
 */
function removeStale(file: string, staleRaw: string): void {
  const marker = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(marker, "wx", 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    try {
      if (Date.now() - fs.statSync(marker).mtimeMs > MARKER_STALE_MS) fs.unlinkSync(marker);
    } catch {
      /* gone meanwhile */
    }
    return;
  }
  try {
    if (readRaw(file)?.raw === staleRaw) fs.unlinkSync(file);
  } finally {
    fs.closeSync(fd);
    fs.unlinkSync(marker);
  }
}

export class LockBusy extends Error {
  constructor(readonly holder: { pid: number; port?: number }) {
    super(`held by process ${holder.pid}`);
  }
}

/**
 * Takes the lock file atomically (`link()` of a complete temp file fails if the lock exists), taking over a
 * record whose holder is dead, a zombie, or a process that merely reuses its pid. Throws `LockBusy` (pid and port
 * only) when a live process holds it. Returns the release function (also run at exit).
 */
export async function acquireLock(file: string, info: Record<string, unknown>, probe: ProcessProbe = systemProbe()): Promise<() => void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const nonce = crypto.randomBytes(12).toString("base64url");
  const record: PgliteLock = {
    ...info,
    pid: probe.self,
    startedAt: new Date().toISOString(),
    ...(probe.selfStart ? { procStart: probe.selfStart } : {}),
    ...(probe.bootId ? { bootId: probe.bootId } : {}),
    nonce,
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const tmp = writeTemp(file, record);
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const found = readRaw(file);
      if (found?.lock && holderState(found.lock, probe) === "live") throw new LockBusy({ pid: found.lock.pid, port: found.lock.port });
      if (found) removeStale(file, found.raw);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
      continue;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    // Re-check: the file in place is this acquisition's.
    if (readRaw(file)?.lock?.nonce !== nonce) continue;
    const release = () => {
      process.off("exit", release);
      if (readRaw(file)?.lock?.nonce === nonce) fs.rmSync(file, { force: true });
    };
    process.once("exit", release);
    return release;
  }
  throw new Error(`could not take the lock ${file}: it keeps changing`);
}

/** Adds fields to this process's lock record (atomically: a complete file is renamed over it). */
export function updateLock(file: string, info: Record<string, unknown>, self = process.pid): void {
  const found = readRaw(file);
  if (!found?.lock || found.lock.pid !== self) return;
  const tmp = writeTemp(file, { ...found.lock, ...info, pid: found.lock.pid });
  fs.renameSync(tmp, file);
}
