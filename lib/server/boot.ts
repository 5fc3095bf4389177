import crypto from "node:crypto";
import { updatePgliteLock } from "@/db/client";
import { getDatabase } from "@/db";
import { env } from "@/lib/env";
import type { JobQueue } from "@/lib/jobs/queue";
import { startCacheListener as listenForChanges } from "@/lib/cache/listener";
import { startupFailureMessage } from "./startup-error";

const g = globalThis as unknown as { __podiumCliToken?: string; __podiumJobs?: JobQueue };

/** The secret the CLI presents to run a command inside this server (written to the PGlite lock, mode 0600). */
export function cliToken(): string | undefined {
  return g.__podiumCliToken;
}

/**
 * Starts the server's side of things; a server that cannot start (invalid environment, a database that cannot be
 * opened or migrated, the embedded database held by another process) prints one line and exits non-zero, so a
 * supervisor sees it and restarts it, instead of answering 500 to every request.
 */
export async function boot(exit: (code: number) => never = process.exit): Promise<void> {
  try {
    await start();
  } catch (e) {
    console.error(startupFailureMessage(e));
    exit(1);
  }
}

async function start(): Promise<void> {
  const config = env();
  const started = Date.now();
  const handle = await getDatabase();
  if (handle.kind === "pglite") {
    // Only one process opens the embedded database: a sync still marked running was cut off by a stop.
    const { abandonRunningSyncs } = await import("@/lib/sync/run-lock");
    await abandonRunningSyncs(handle.db);
    g.__podiumCliToken = crypto.randomBytes(24).toString("base64url");
    updatePgliteLock(config.PGLITE_DIR ?? ".data/pglite", {
      port: Number(process.env.PORT ?? 3000),
      token: g.__podiumCliToken,
    });
  }
  if (config.demo) {
    // Demo mode runs the production path: seasons from files, then an import from the (fake) GitHub.
    const [{ applyDemoProgram }, { githubEndpoints }, { createGitHubClient }, { runSync }] = await Promise.all([
      import("@/demo/program/seed"),
      import("@/lib/github/endpoints"),
      import("@/lib/github/client"),
      import("@/lib/sync/run-sync"),
    ]);
    await applyDemoProgram(handle.db);
    const [{ importContributorMap }, { demoContributorMap }] = await Promise.all([import("@/lib/map/import-map"), import("@/demo/program/contributor-map")]);
    await importContributorMap(handle.db, demoContributorMap());
    const gh = await githubEndpoints();
    try {
      const summary = await runSync(handle.db, {
        client: createGitHubClient({ url: gh.graphqlUrl, token: gh.token ?? "demo" }),
        trigger: "demo",
        webBase: gh.webUrl,
      });
      console.log(
        `podium: demo mode — the demo GitHub at ${gh.webUrl} served ${summary.pullRequests} pull requests and ${summary.tasks} tasks (${summary.entries} new ledger entries, ${summary.graphqlCost} GraphQL points)`,
      );
    } catch (error) {
      console.warn(`podium: demo import did not complete (${(error as Error).message}); the pages show what was imported before`);
    }
  }
  console.log(`podium: database ready (${handle.kind}) in ${Date.now() - started} ms`);
  await startCacheListener(handle);
  await startJobs(handle, config.syncIntervalSeconds);
}

/** Writes of other processes expire this one's cached pages (PostgreSQL LISTEN, lib/cache/listener.ts); once a process. */
async function startCacheListener(handle: Awaited<ReturnType<typeof getDatabase>>): Promise<void> {
  const flag = globalThis as unknown as { __podiumCacheListener?: true };
  if (flag.__podiumCacheListener) return;
  flag.__podiumCacheListener = true;
  await listenForChanges(handle);
}

/** The job queue of this server: workers for every kind, and the scheduled imports (`PODIUM_SYNC_INTERVAL_SECONDS`). */
async function startJobs(handle: Awaited<ReturnType<typeof getDatabase>>, intervalSeconds: number): Promise<void> {
  if (g.__podiumJobs) return;
  const [{ startJobQueue }, { githubClient, githubEndpoints }] = await Promise.all([import("@/lib/jobs/queue"), import("@/lib/github/endpoints")]);
  const queue = await startJobQueue({
    handle,
    intervalSeconds,
    // Only this process opens the embedded database: a job it shows running was cut off by a stop.
    recoverActive: handle.kind === "pglite",
    github: async (repos) => {
      const gh = await githubEndpoints();
      return { client: githubClient(gh, repos), webBase: gh.webUrl };
    },
  });
  g.__podiumJobs = queue;
  const stop = (signal: NodeJS.Signals) => {
    // Whoever else listens (the HTTP server's own shutdown) exits; alone, the signal's default action ends the process.
    const alone = process.listenerCount(signal) === 0;
    const end = () => alone && process.kill(process.pid, signal);
    setTimeout(end, 5_000).unref();
    void stopJobs().finally(end);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(intervalSeconds > 0 ? `podium: job queue started; open seasons are imported every ${intervalSeconds} s` : "podium: job queue started; scheduled imports are off");
}

/** Stops the workers and the schedule (a job still running is marked failed, so it is retried). */
export async function stopJobs(): Promise<void> {
  const queue = g.__podiumJobs;
  g.__podiumJobs = undefined;
  await queue?.stop();
}

/** The server's job queue, once started (the CLI bridge and tests send jobs through it). */
export function jobQueue(): JobQueue | undefined {
  return g.__podiumJobs;
}

/** Makes `queue` the one `jobQueue()` answers (tests that run a queue of their own; undefined: none). */
export function useJobQueue(queue: JobQueue | undefined): void {
  g.__podiumJobs = queue;
}
