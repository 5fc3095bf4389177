import fs from "node:fs";

/**
 * Linux /proc look-ups for the servers the benchmark starts: a process tree, each process's resident memory, and
 * which process of a tree listens on a port (the one actually serving: `npm start` is npm → sh → tsx → node
 * scripts/start.ts → `next start`, and only the last answers HTTP).
 */

const read = (file: string): string | null => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
};

/** The parent pid from /proc/<pid>/stat (the command name, in parentheses, may itself hold spaces or parentheses). */
export function parentOf(stat: string): number | null {
  const close = stat.lastIndexOf(")");
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(" ");
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/** `root` and all its descendants that are alive now, root first. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [root];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    const ppid = stat === null ? null : parentOf(stat);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift();
    if (pid === undefined || out.includes(pid)) continue;
    if (!fs.existsSync(`/proc/${pid}`)) continue;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident set size in bytes (VmRSS of /proc/<pid>/status), null if the process is gone. */
export function rssBytes(pid: number): number | null {
  const status = read(`/proc/${pid}/status`);
  const kb = status === null ? undefined : /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

/** The command line of a process, for the report ("node …/next start -p 3300"). */
export function commandLine(pid: number): string {
  return (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
}

/** Socket inodes listening on a TCP port (IPv4 and IPv6), from /proc/net/tcp{,6}. */
export function listeningInodes(port: number, tables = ["/proc/net/tcp", "/proc/net/tcp6"]): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of tables) {
    const lines = (read(table) ?? "").split("\n").slice(1);
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const local = f[1] ?? "";
      if (f[3] === "0A" && local.endsWith(`:${hexPort}`) && f[9]) inodes.add(f[9]);
    }
  }
  return inodes;
}

/** The process among `pids` that holds the socket listening on `port`, null when none does (yet). */
export function listenerPid(port: number, pids: readonly number[]): number | null {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return null;
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target = "";
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  return null;
}

/** Sends a signal to a whole process group (a child spawned with `detached: true`); false when it is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of the group is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process group: SIGTERM, then SIGKILL after `graceMs`, and waits until every process of the group is
 * gone (a server that has not exited still holds its port and its PGlite folder).
 */
export async function stopGroup(pid: number, graceMs = 10_000): Promise<void> {
  if (!signalGroup(pid, "SIGTERM")) return;
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!groupAlive(pid)) return;
  signalGroup(pid, "SIGKILL");
  const hard = Date.now() + 5000;
  while (groupAlive(pid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 50));
}
