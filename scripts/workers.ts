/**
 * `PODIUM_WORKERS` (#17): several server processes on one port, by node:cluster. The primary accepts connections
 * and hands them round-robin to its workers; each worker is the whole server (scripts/server.ts), an instance like
 * those of `npm run cluster`: the caches stay coherent through PostgreSQL notifications, rate limits and the job
 * queue live in the database. A Node process serves on one core, and a saturated one takes new connections late
 * (in the bench, 200 clients opening at once left dozens waiting past 10 s); more processes use the cores.
 */
import cluster, { type Worker } from "node:cluster";
import { parseEnv, EnvError } from "../lib/env";

/** The number of server processes the environment asks for; an invalid `PODIUM_WORKERS` is left to the server's own start-up check. */
export function workersWanted(source: Record<string, string | undefined> = process.env): number {
  try {
    return parseEnv(source).workers;
  } catch (e) {
    if (e instanceof EnvError) return 1;
    throw e;
  }
}

/** More restarts than this within a minute is a crash loop: the server stops instead. */
const RESTARTS_PER_MINUTE = 5;

/**
 * Forks `count` workers and supervises them: one that exits before it ever listened failed to start (it prints
 * why), and the server stops, as a single process would; one that dies later is replaced. SIGINT/SIGTERM stop all.
 */
export function superviseWorkers(count: number): void {
  let stopping = false;
  let exitCode = 0;
  const alive = new Set<Worker>();
  const listening = new Set<Worker>();
  const restarts: number[] = [];
  const fork = () => alive.add(cluster.fork());
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const w of alive) w.process.kill("SIGTERM");
    setTimeout(() => process.exit(code), 6_000).unref();
    if (alive.size === 0) process.exit(code);
  };

  console.log(`podium: starting ${count} server processes (PODIUM_WORKERS)`);
  cluster.on("listening", (worker) => listening.add(worker));
  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker);
    const hadListened = listening.delete(worker);
    if (stopping) {
      if (alive.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    if (!hadListened) {
      console.error(`podium: a server process exited while starting (${how}); stopping`);
      return stop(1);
    }
    const now = Date.now();
    while (restarts.length > 0 && (restarts[0] ?? 0) < now - 60_000) restarts.shift();
    if (restarts.length >= RESTARTS_PER_MINUTE) {
      console.error(`podium: a server process exited (${how}), the ${RESTARTS_PER_MINUTE + 1}th in a minute; stopping`);
      return stop(1);
    }
    restarts.push(now);
    console.error(`podium: a server process exited (${how}); starting another`);
    fork();
  });
  for (let i = 0; i < count; i++) fork();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));
}
