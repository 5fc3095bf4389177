import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { rowsOf, type DbHandle, type Executor } from "@/db/client";
import { seasons } from "@/db/schema";
import { errorText } from "@/lib/security/redact";
import { DEFAULT_QUEUE, type JobContext, type JobDefinition } from "./define";
import { JOBS } from "./index";
import { isOpen, scheduledJobId, slotOf, tickEveryMs } from "./schedule";
import { queueDbFor, queueDbInTransaction } from "./sql-adapter";
import { picksSweep } from "./picks-sweep";
import { syncScheduled } from "./sync-scheduled";

/** The schema pg-boss keeps its tables in (created and migrated by pg-boss itself at start). */
export const QUEUE_SCHEMA = "pgboss";

export type StartQueueOptions = {
  handle: DbHandle;
  /** Seconds between scheduled imports of each open season; 0: none (the workers still run). */
  intervalSeconds: number;
  github: JobContext["github"];
  /** The clock of the schedule (tests inject one). */
  now?: () => Date;
  /** Tick on a timer (default true); tests call `tick()` themselves. */
  timer?: boolean;
  /** Run the workers in this process (default true). */
  work?: boolean;
  /** How often an idle worker asks for a job (default 2 s; at least 0.5). */
  pollingIntervalSeconds?: number;
  jobs?: readonly JobDefinition[];
  log?: (line: string) => void;
  /** Jobs shown running were cut off (only safe when no other process works, i.e. PGlite): failed now, so retried. */
  recoverActive?: boolean;
};

export type EnqueueOptions = {
  /** Store the job in this transaction: it exists if and only if the transaction commits. */
  tx?: Executor;
  /** Not before this time. */
  startAfter?: Date;
  /** A fixed id (a second send with the same id stores nothing and answers null). */
  id?: string;
};

export type JobQueue = {
  /** Sends this slot's scheduled import of every open season; answers the seasons whose job this call stored. */
  tick(now?: Date): Promise<string[]>;
  /** Sends one job (its input checked by the kind's schema); answers its id, or null when an equal one is already stored. */
  enqueue(name: string, input: unknown, options?: EnqueueOptions): Promise<string | null>;
  stop(): Promise<void>;
  boss: PgBoss;
};

function kindOf(jobs: readonly JobDefinition[], name: string): JobDefinition {
  const kind = jobs.find((j) => j.name === name);
  if (!kind) throw new Error(`unknown job kind: ${name} (known: ${jobs.map((j) => j.name).join(", ")})`);
  return kind;
}

/**
 * Starts pg-boss on the app's database (its SQL through the app's client: `sql-adapter.ts`), creates a queue per
 * job kind, a worker per kind (one job at a time in this process; several instances share the work, each job
 * taken by one of them with `SKIP LOCKED`), and the scheduler's tick. Several instances tick alike: a scheduled
 * job's id is made from its slot, so the slot's job is stored once whoever sends it.
 */
export async function startJobQueue(options: StartQueueOptions): Promise<JobQueue> {
  const jobs = options.jobs ?? JOBS;
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? (() => new Date());
  const boss = new PgBoss({
    db: queueDbFor(options.handle),
    schema: QUEUE_SCHEMA,
    schedule: false, // the ticks below schedule (seconds, not cron minutes)
    supervise: true,
  });
  boss.on("error", (error: unknown) => log(`podium: job queue: ${errorText(error)}`));
  await boss.start();
  for (const kind of jobs) {
    const q = { ...DEFAULT_QUEUE, ...kind.queue };
    const settings = { policy: q.policy, retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds, retryBackoff: q.retryBackoff, expireInSeconds: q.expireInSeconds };
    await boss.createQueue(kind.name, { name: kind.name, ...settings });
    await boss.updateQueue(kind.name, { name: kind.name, ...settings });
  }
  if (options.recoverActive) await recoverActive(boss, options.handle, jobs);
  const workers = new Map<string, string>();
  if (options.work ?? true) {
    for (const kind of jobs) workers.set(kind.name, await work(boss, kind, options, now));
  }

  async function enqueue(name: string, input: unknown, opts: EnqueueOptions = {}): Promise<string | null> {
    const kind = kindOf(jobs, name);
    const data = kind.input.parse(input) as object;
    const id = await boss.send(name, data, {
      ...(opts.id ? { id: opts.id } : {}),
      ...(kind.key ? { singletonKey: kind.key(data) } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.tx ? { db: queueDbInTransaction(opts.tx) } : {}),
    });
    // Due now and stored outside a transaction: this instance's worker asks at once instead of at its next poll.
    const worker = workers.get(name);
    if (id && worker && !opts.tx && !opts.startAfter) boss.notifyWorker(worker);
    return id;
  }

  /** The kinds sent every slot for every open season: the import, then the stale-pick sweep. */
  const scheduled = [syncScheduled.name, picksSweep.name].filter((name) => jobs.some((j) => j.name === name));

  async function tick(at: Date = now()): Promise<string[]> {
    if (!(options.intervalSeconds > 0) || scheduled.length === 0) return [];
    const slot = slotOf(at, options.intervalSeconds);
    const rows = await options.handle.db.select({ slug: seasons.slug, startsAt: seasons.startsAt, endsAt: seasons.endsAt, graceDays: seasons.graceDays }).from(seasons);
    const stored = new Set<string>();
    for (const season of rows.filter((s) => isOpen(s, at))) {
      for (const name of scheduled) {
        const id = await enqueue(name, { season: season.slug }, { id: scheduledJobId(name, season.slug, slot) });
        if (id && name === syncScheduled.name) stored.add(season.slug);
      }
    }
    return [...stored].sort();
  }

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  if ((options.timer ?? true) && options.intervalSeconds > 0) {
    const run = () => {
      ticking = tick().catch((error: unknown) => log(`podium: scheduled imports: ${errorText(error)}`));
    };
    run();
    timer = setInterval(run, tickEveryMs(options.intervalSeconds));
    timer.unref();
  }

  return {
    tick,
    enqueue,
    boss,
    async stop() {
      if (timer) clearInterval(timer);
      await ticking;
      // A job still running after the grace time is marked failed, so it is retried (here or by another instance).
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}

async function recoverActive(boss: PgBoss, handle: DbHandle, jobs: readonly JobDefinition[]): Promise<void> {
  for (const kind of jobs) {
    const ids = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id::text from ${sql.raw(QUEUE_SCHEMA)}.job where name = ${kind.name} and state = 'active'`),
    ).map((r) => r.id);
    for (const id of ids) await boss.fail(kind.name, id, { message: "the server stopped while this job ran" });
  }
}

async function work(boss: PgBoss, kind: JobDefinition, options: StartQueueOptions, now: () => Date): Promise<string> {
  const pollingIntervalSeconds = Math.max(0.5, options.pollingIntervalSeconds ?? 2);
  return boss.work(kind.name, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
    if (!job) return null;
    const input = kind.input.safeParse(job.data);
    if (!input.success) throw new Error(`the job's input does not fit ${kind.name}: ${input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    try {
      const output = await kind.run({ db: options.handle.db, now, github: options.github, jobId: job.id, retry: job.retryCount }, input.data);
      return output ?? null;
    } catch (error) {
      // Kept with the job and shown to admins: one redacted line (no token, no stack).
      throw new Error(errorText(error));
    }
  });
}
