/**
 * Issue #13, items 1 and 3: a server that cannot start exits non-zero with one clear line (no stack, no SQL text,
 * no secret), and the embedded database's lock survives a kill -9 (a dead or zombie holder is taken over). Each
 * server is a child process running the server's `boot()` (test/harness/boot-child.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase, freePort } from "../harness/postgres-server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-startup-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

const baseEnv = (over: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production" as const,
  GITHUB_TOKEN: "ghp_not-a-real-token-for-startup-tests",
  AUTH_SECRET: "startup-test-secret-0123456789abcdef",
  AUTH_GITHUB_ID: "",
  AUTH_GITHUB_SECRET: "",
  DATABASE_URL: "",
  ...over,
});

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; ms: number }> };

/** Starts a server; `via` runs it under another command (e.g. a parent that never reaps it). */
function server(env: Record<string, string>, via: string[] = []): Run {
  const started = Date.now();
  const cmd = [...via, process.execPath, "--import", "tsx", "test/harness/boot-child.ts"];
  const child = spawn(cmd[0]!, cmd.slice(1), { env: baseEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => child.on("exit", (code) => resolve({ code, ms: Date.now() - started })));
  return { child, output: () => out, exited };
}

async function serving(run: Run, port: number): Promise<{ seasons: number }> {
  const deadline = Date.now() + 45_000;
  while (!run.output().includes(`serving on ${port}`)) {
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return (await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { seasons: number };
}

/** A server that cannot start: it exits non-zero, soon, printing one line and no stack. */
async function fails(run: Run): Promise<string> {
  const { code, ms } = await run.exited;
  const out = run.output().trim();
  expect(code, out).not.toBe(0);
  expect(code, out).not.toBeNull();
  expect(ms).toBeLessThan(20_000);
  expect(out).not.toMatch(/^\s+at /m);
  expect(out.split("\n").filter((l) => l.startsWith("podium: cannot start:"))).toHaveLength(1);
  return out;
}

const readLock = (pgliteDir: string) => JSON.parse(fs.readFileSync(`${pgliteDir}.lock`, "utf8")) as { pid: number; port: number; token: string };

describe("a second server on the same embedded database folder", () => {
  it("exits non-zero naming the holder's pid and port and what to do, never printing its token; a kill -9 is recovered from at once", async () => {
    const pgliteDir = path.join(dir, "shared");
    const [p1, p2, p3] = [await freePort(), await freePort(), await freePort()];
    const first = server({ PGLITE_DIR: pgliteDir, PORT: String(p1) });
    expect(await serving(first, p1)).toEqual({ seasons: 0 });
    const lock = readLock(pgliteDir);
    expect(lock).toMatchObject({ pid: first.child.pid, port: p1 });
    expect(lock.token.length).toBeGreaterThan(20);

    const second = server({ PGLITE_DIR: pgliteDir, PORT: String(p2) });
    const out = await fails(second);
    expect(out).toContain(`in use by process ${first.child.pid} (the Podium server on port ${p1})`);
    expect(out).toMatch(/stop that process, or set PGLITE_DIR to another folder/);
    expect(out).not.toContain(lock.token);
    expect(readLock(pgliteDir)).toEqual(lock); // the loser left the holder's lock alone

    first.child.kill("SIGKILL");
    await first.exited;
    const third = server({ PGLITE_DIR: pgliteDir, PORT: String(p3) });
    expect(await serving(third, p3)).toEqual({ seasons: 0 });
    expect(readLock(pgliteDir)).toMatchObject({ pid: third.child.pid, port: p3 });
    third.child.kill("SIGTERM");
    await third.exited;
  });

  it("takes over from a holder killed while its parent never reaps it (a zombie)", async () => {
    const pgliteDir = path.join(dir, "zombie");
    const [p1, p2] = [await freePort(), await freePort()];
    // sh starts the server in the background, then becomes `sleep`, which never waits for its children.
    const parent = server({ PGLITE_DIR: pgliteDir, PORT: String(p1) }, ["sh", "-c", 'exec 3>&1; "$@" & exec sleep 600', "sh"]);
    expect(await serving(parent, p1)).toEqual({ seasons: 0 });
    const holder = readLock(pgliteDir).pid;
    expect(holder).not.toBe(parent.child.pid);
    process.kill(holder, "SIGKILL");
    const deadline = Date.now() + 10_000;
    const state = () => fs.readFileSync(`/proc/${holder}/stat`, "utf8").split(") ")[1]?.[0];
    while (state() !== "Z" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(state()).toBe("Z"); // still in the process table: kill(pid, 0) succeeds for it

    const next = server({ PGLITE_DIR: pgliteDir, PORT: String(p2) });
    expect(await serving(next, p2)).toEqual({ seasons: 0 });
    next.child.kill("SIGTERM");
    parent.child.kill("SIGKILL");
  });
});

describe("a database that cannot be opened: the server exits with one clear line", () => {
  it("an embedded database folder that is not a PGlite folder", async () => {
    const bad = path.join(dir, "corrupt");
    fs.mkdirSync(path.join(bad, "base"), { recursive: true });
    fs.writeFileSync(path.join(bad, "PG_VERSION"), "not a version\n");
    fs.writeFileSync(path.join(bad, "global"), "junk");
    const out = await fails(server({ PGLITE_DIR: bad, PORT: String(await freePort()) }));
    expect(out).toContain(`the embedded database in ${bad} could not be opened`);
  });

  it("PostgreSQL unreachable: names the server without the password", async () => {
    const port = await freePort();
    const out = await fails(server({ DATABASE_URL: `postgres://podium:Sup3rS3cretPw@127.0.0.1:${port}/podium`, PORT: String(await freePort()) }));
    expect(out).toContain(`cannot connect to PostgreSQL at postgres://podium:***@127.0.0.1:${port}/podium`);
    expect(out).toMatch(/ECONNREFUSED/);
    expect(out).not.toContain("Sup3rS3cretPw");
  });

  it("a migration that cannot apply: the database's reason, no SQL text, no password", async () => {
    const url = new URL(await createDatabase(inject("pgUrl"), `startup_${process.pid}`));
    const { default: postgres } = await import("postgres");
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await admin`create table repositories (something_else int)`;
    await admin.end();
    url.password = "HunterTwoSecret"; // the test server trusts local connections: any password passes
    const out = await fails(server({ DATABASE_URL: url.toString(), PORT: String(await freePort()) }));
    expect(out).toMatch(/the database migrations could not be applied to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/startup_\d+: relation "repositories" already exists \(42P07\)/);
    expect(out).not.toMatch(/CREATE TABLE|Failed query|HunterTwoSecret/i);
  });

  it("an invalid environment", async () => {
    const out = await fails(server({ PORT: "not-a-port", PGLITE_DIR: path.join(dir, "env") }));
    expect(out).toMatch(/PORT expected a port number/);
  });
});
