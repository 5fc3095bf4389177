/**
 * Runs the Playwright suite: a real PostgreSQL server for the Postgres-backed app instance, one
 * production build for both instances (embedded PGlite on one port, PostgreSQL on another), then
 * `playwright test` with any extra arguments.
 */
import { spawnSync } from "node:child_process";
import { createDatabase, startPostgres } from "../test/harness/postgres-server";
import { build, isBuilt } from "../scripts/build";

const server = await startPostgres();
let code = 1;
try {
  process.env.PODIUM_E2E_PG_URL = await createDatabase(server.url, "podium_e2e");
  if (!isBuilt() && !build()) throw new Error("the build failed");
  const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
  code = r.status ?? 1;
} finally {
  await server.stop();
}
process.exit(code);
