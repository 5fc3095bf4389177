import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real PostgreSQL server from the system's binaries (Debian's `postgresql` package),
 * in a temp dir, on a free loopback port. Used by the integration tests, e2e and the benchmark.
 */
export type PostgresServer = { url: string; port: number; dir: string; stop: () => Promise<void> };

export function findPostgresBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, "postgres"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", "postgres")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(root, versions[0], "bin");
  throw new Error(
    "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and $PG_BIN). Install them: apt-get install -y postgresql",
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a server binary as `postgres` when we are root (PostgreSQL refuses to run as root). */
function asServerUser(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

/**
 * Ready when *our* server answers: pg_isready alone could be answered by another process's server that
 * took the same free port a moment earlier (two test runs at once), so the server's own postmaster.pid
 * must name this port and be "ready" too.
 */
async function waitForReady(bin: string, port: number, dataDir: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited early (code ${child.exitCode}):\n${log()}`);
    let ours = false;
    try {
      const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
      ours = lines[3]?.trim() === String(port) && (lines[7] ?? "").trim() === "ready";
    } catch {
      ours = false;
    }
    const r = ours ? spawnSync(path.join(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", String(port), "-q"]) : { status: 1 };
    if (r.status === 0) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`postgres did not become ready on port ${port} (${dataDir}):\n${log()}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-pg-"));
  const data = path.join(dir, "data");
  if (isRoot()) {
    fs.chmodSync(dir, 0o755);
    spawnSync("chown", ["postgres:postgres", dir]);
  }
  const [initCmd, initArgs] = asServerUser(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

  let port = 0;
  let child: ChildProcess | null = null;
  let output = "";
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const [cmd, args] = asServerUser(path.join(bin, "postgres"), [
      "-D",
      data,
      "-p",
      String(port),
      "-h",
      "127.0.0.1",
      "-k",
      dir,
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=300",
      "-c",
      "shared_buffers=256MB",
    ]);
    output = "";
    const started = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: false });
    started.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    started.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    try {
      await waitForReady(bin, port, data, started, () => output);
      child = started;
      break;
    } catch (error) {
      // Another server took the port between our check and our start: try another.
      if (attempt >= 3 || !/could not bind|Address already in use|could not create any TCP/i.test(output)) throw error;
    }
  }
  const server = child;
  const postmasterPid = (): number | null => {
    try {
      return Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]) || null;
    } catch {
      return null;
    }
  };
  const stop = async () => {
    // Signal the postmaster itself: runuser does not forward signals. SIGINT is the fast shutdown.
    const pid = postmasterPid();
    if (pid) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        /* already gone */
      }
    }
    const deadline = Date.now() + 10_000;
    while (server.exitCode === null && server.signalCode === null && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
    }
    if (server.exitCode === null && server.signalCode === null) {
      if (pid) process.kill(pid, "SIGKILL");
      server.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", () => {
    const pid = postmasterPid();
    if (pid) {
      try {
        process.kill(pid, "SIGQUIT");
      } catch {
        /* gone */
      }
    }
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}

/** Creates an empty database on the server and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name.replace(/[^a-z0-9_]/g, "_")}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
