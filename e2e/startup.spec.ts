/**
 * Issue #13, items 1 and 3, with the real production server (`npm start`): a second server on the running
 * server's embedded database exits at once with one clear line and never prints the lock file's CLI token; a
 * server killed with SIGKILL starts again on the same folder at once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PGLITE_DIR, PGLITE_PORT, STARTUP_PORTS } from "../playwright.config";

const demoEnv = { AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "", GITHUB_TOKEN: "", PODIUM_ADMINS: "", DATABASE_URL: "" };
type Started = { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; ms: number }> };

function npmStart(port: number, pgliteDir: string): Started {
  const started = Date.now();
  // Its own process group: npm, the start script and the Next server are stopped together.
  const child = spawn("npm", ["start"], {
    env: { ...process.env, ...demoEnv, PORT: String(port), PGLITE_DIR: pgliteDir },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, exit: new Promise((resolve) => child.on("exit", (code) => resolve({ code, ms: Date.now() - started }))) };
}

async function healthy(port: number, server: Started, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer on port ${port}:\n${server.output()}`);
}

/** Stops the whole process group (npm does not pass SIGTERM on to the Next server). */
async function stop(server: Started) {
  try {
    process.kill(-server.child.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
  await server.exit;
}

const answers = (port: number) => fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false);

const readLock = (dir: string) => JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")) as { pid: number; port: number; token: string };

test("a second server on the running server's folder exits non-zero with one clear line and no token", async () => {
  test.setTimeout(90_000);
  const lock = readLock(E2E_PGLITE_DIR);
  expect(lock.port).toBe(PGLITE_PORT);
  expect(await answers(STARTUP_PORTS[0])).toBe(false);
  const second = npmStart(STARTUP_PORTS[0], E2E_PGLITE_DIR);
  const { code, ms } = await Promise.race([second.exit, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after 60 s:\n${second.output()}`)), 60_000))]).finally(() => stop(second));
  const out = second.output();
  expect(code, out).not.toBe(0);
  expect(ms).toBeLessThan(60_000);
  expect(out).toContain(`podium: cannot start: the embedded database in ${E2E_PGLITE_DIR} is in use by process ${lock.pid} (the Podium server on port ${PGLITE_PORT})`);
  expect(out).not.toContain(lock.token);
  expect(out).not.toMatch(/^\s+at /m);
  expect(readLock(E2E_PGLITE_DIR)).toEqual(lock);
  expect((await fetch(`http://127.0.0.1:${PGLITE_PORT}/api/health`)).ok).toBe(true);
});

test("a server killed with SIGKILL starts again at once on the same folder", async () => {
  test.setTimeout(300_000);
  const dir = path.join(path.dirname(E2E_PGLITE_DIR), "pglite-restart");
  const port = STARTUP_PORTS[1];
  expect(await answers(port)).toBe(false); // nothing else answers in its place
  const first = npmStart(port, dir);
  try {
    await healthy(port, first);
  } catch (e) {
    await stop(first);
    throw e;
  }
  const holder = readLock(dir).pid;
  process.kill(holder, "SIGKILL"); // the Next server itself: no exit handler runs, the lock file stays
  await first.exit;
  await stop(first);
  expect(await answers(port)).toBe(false);
  expect(readLock(dir).pid).toBe(holder);
  const again = npmStart(port, dir);
  try {
    await healthy(port, again);
    expect(readLock(dir).pid).not.toBe(holder);
    const seasons = (await (await fetch(`http://127.0.0.1:${port}/api/seasons`)).json()) as unknown[];
    expect(seasons.length).toBeGreaterThan(0);
  } finally {
    await stop(again);
  }
});
