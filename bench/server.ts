import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import type { Lab } from "./lab";
import { stopGroup } from "./proc";

/** Servers the benchmark starts: `next start` of the production build, and `npm start` for the cold start. */

export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export type Spawned = {
  /** The leader of the server's own process group (npm, or node for `next start`). */
  pid: number;
  port: number;
  url: string;
  /** The last 8,000 characters the server printed (stdout and stderr). */
  output: () => string;
  exited: () => boolean;
  exitCode: () => number | null;
  /** Stops the whole process group and waits for it to be gone; idempotent, also run by `lab.close()`. */
  stop: () => Promise<void>;
};

const lastLines = (text: string, n = 5) => text.trim().split("\n").slice(-n).join(" | ");

/** Spawns a server in its own process group (so stopping it stops whatever it started), registered with the lab. */
export function spawnServer(lab: Lab, command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Spawned {
  if (lab.closed) throw new Error("the run is stopping");
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-8000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // An error (e.g. ENOENT) would otherwise be thrown as an unhandled 'error' event.
  child.on("error", (e) => keep(Buffer.from(`\nspawn error: ${e.message}\n`)));
  const pid = child.pid ?? -1;
  const stop = lab.defer(`${path.basename(command)} ${args.join(" ")} (pid ${pid})`, async () => {
    if (pid > 0) await stopGroup(pid);
  }, 20_000);
  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null || pid < 0,
    exitCode: () => child.exitCode,
    stop,
  };
}

/**
 * Polls `url` every `intervalMs` until it answers 200 (the body read), the server exits or `timeoutMs` passes;
 * returns the milliseconds from `since` (a `performance.now()`) to that answer.
 */
export async function waitFor200(server: Spawned, url: string, since: number, timeoutMs: number, intervalMs = 50): Promise<number> {
  const deadline = since + timeoutMs;
  let last = "no answer";
  for (;;) {
    if (server.exited()) throw new Error(`the server exited (code ${server.exitCode()}): ${lastLines(server.output())}`);
    try {
      // AbortSignal.timeout() takes whole milliseconds only (it throws on a fraction).
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1000, Math.ceil(deadline - performance.now()))) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last}): ${lastLines(server.output())}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * The production build in .next served as `npm start` serves it (scripts/server.ts, Next's handler behind node:http),
 * reading the bench database, ready once /api/health answers. Not `next start -H 127.0.0.1`: with -H, Next 16.4
 * builds the proxy's request URL with `localhost` but matches a rewrite's destination against the -H host, so the
 * proxy's rewrite of an anonymous page to its cached route (lib/cache/rendered.ts) would be taken for another site's.
 */
export async function startNext(
  lab: Lab,
  databaseUrl: string,
  port: number,
  extraEnv?: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv,
  /** Another entry point than scripts/server.ts, e.g. `["scripts/cluster.ts", "--instances", "3", "--port", "…"]`. */
  script: string[] = [path.join("scripts", "server.ts")],
): Promise<Spawned> {
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // Not demo mode (which would seed and import a demo program into the database); the token is never used.
    GITHUB_TOKEN: "bench-token-not-used",
    AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.PGLITE_DIR;
  delete env.AUTH_GITHUB_ID;
  delete env.AUTH_GITHUB_SECRET;
  if (extraEnv) env = extraEnv(env);
  const server = spawnServer(lab, process.execPath, ["--import", "tsx", ...script], env, port);
  try {
    await waitFor200(server, `${server.url}/api/health`, performance.now(), 90_000, 250);
  } catch (e) {
    await server.stop();
    throw new Error(`next start: ${(e as Error).message}`);
  }
  return server;
}
