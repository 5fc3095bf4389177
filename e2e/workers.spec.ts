import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E_PG_URL, PGLITE_PORT } from "../playwright.config";
import { applyFromAnotherProcess, isolatedSeason, readsUntil } from "./page-cache-helpers";

/**
 * Issue #17: `PODIUM_WORKERS=2` (scripts/server.ts, scripts/workers.ts): two server processes of the build on one
 * port, on the e2e PostgreSQL. Both serve, a write from another process shows in both caches, a worker that dies is
 * replaced, and a stop ends them all. Not demo mode (no import at boot): a token for a GitHub that is never asked.
 */
const PORT = PGLITE_PORT + 25;
const LISTENING = /podium: listening on port \d+ \(worker (\d+), pid (\d+)\)/g;
let primary: ChildProcess;
let output = "";

const workerPids = () => [...output.matchAll(LISTENING)].map((m) => Number(m[2]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the server printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  primary = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      PODIUM_WORKERS: "2",
      DATABASE_URL: E2E_PG_URL,
      PGLITE_DIR: "",
      AUTH_SECRET: "e2e-two-workers-secret-not-a-real-one",
      GITHUB_TOKEN: "not-a-real-token",
      GITHUB_GRAPHQL_URL: "http://127.0.0.1:9/graphql",
      PODIUM_SYNC_INTERVAL_SECONDS: "0",
      PODIUM_BOT_COMMENTS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [primary.stdout, primary.stderr]) stream?.on("data", (b: Buffer) => void (output += b.toString()));
  await until("two workers listening", () => workerPids().length === 2, 100_000);
});

test.afterAll(() => {
  primary.kill("SIGKILL");
  for (const pid of workerPids()) if (alive(pid)) process.kill(pid, "SIGKILL");
});

test("two processes serve the one port, and a write in another process shows in both caches", async ({ request }) => {
  const [a, b] = workerPids();
  expect(a).not.toBe(b);
  expect(a).not.toBe(primary.pid);
  expect(output).toContain("starting 2 server processes (PODIUM_WORKERS)");

  const season = isolatedSeason("2023-workers", "Two Workers", 2023);
  applyFromAnotherProcess(season);
  const page = `http://127.0.0.1:${PORT}/seasons/2023-workers`;
  await readsUntil(request, page, "Two Workers");
  applyFromAnotherProcess({ ...season, name: "Two Workers Renamed" });
  await readsUntil(request, page, "Two Workers Renamed");
  // The connections go round-robin: every next read, whichever process answers it, has the new name.
  for (let i = 0; i < 6; i++) {
    const r = await request.get(page, { headers: { connection: "close" } });
    expect(r.status()).toBe(200);
    expect(await r.text()).toContain("Two Workers Renamed");
  }
});

test("a worker that dies is replaced, and a stop ends every process", async ({ request }) => {
  const [first, second] = workerPids();
  process.kill(first!, "SIGKILL");
  await until("a third worker listening", () => workerPids().length === 3);
  expect(output).toMatch(/a server process exited \(SIGKILL\); starting another/);
  const third = workerPids()[2]!;
  expect([first, second]).not.toContain(third);
  for (let i = 0; i < 4; i++) expect((await request.get(`http://127.0.0.1:${PORT}/api/health`, { headers: { connection: "close" } })).status()).toBe(200);

  const exited = new Promise<number | null>((resolve) => primary.once("exit", (code) => resolve(code)));
  primary.kill("SIGTERM");
  expect(await exited).toBe(0);
  await until("the workers to exit", () => !alive(second!) && !alive(third), 10_000);
});
