/**
 * Issue #16, item 1: the job queue (pg-boss through the app's own database client) on both drivers — a job runs
 * once, a failing one is retried with backoff and then shown as a failure, a job sent in a transaction exists only
 * if it commits, the queue refuses its own connection inside an open transaction (on PGlite that would wait
 * forever), and the schedule stores one import per open season and slot.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { rowsOf, type DbHandle } from "@/db/client";
import { transaction } from "@/db/transaction";
import { defineJob, type JobDefinition } from "@/lib/jobs/define";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { QueueInTransactionError } from "@/lib/jobs/sql-adapter";
import { syncScheduled } from "@/lib/jobs/sync-scheduled";
import { jobsOverview } from "@/lib/queries/jobs";
import { jobs as jobsCommand } from "@/cli/commands/jobs";
import { createSeason } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

const ran: string[] = [];
const attempts = new Map<string, number>();

const echo = defineJob({
  name: "test.echo",
  input: z.strictObject({ word: z.string() }),
  async run(_ctx, input) {
    ran.push(input.word);
    return { echoed: input.word };
  },
});

const flaky = defineJob({
  name: "test.flaky",
  input: z.strictObject({ failures: z.number().int() }),
  queue: { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
  async run(ctx, input) {
    attempts.set(ctx.jobId, (attempts.get(ctx.jobId) ?? 0) + 1);
    if (ctx.retry < input.failures) throw new Error(`attempt ${ctx.retry + 1} failed on purpose`);
    return { attempts: ctx.retry + 1 };
  },
});

/** Never run by a worker here: the schedule's jobs are only counted. */
const scheduled = { ...syncScheduled, run: async () => ({}) } as unknown as JobDefinition;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DRIVERS)("the job queue on %s", (kind) => {
  let h: DbHandle;
  let queue: JobQueue;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    queue = await startJobQueue({
      handle: h,
      intervalSeconds: 0,
      github: async () => {
        throw new Error("no GitHub here");
      },
      timer: false,
      pollingIntervalSeconds: 0.5,
      jobs: [echo as unknown as JobDefinition, flaky as unknown as JobDefinition],
      log: () => {},
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await h?.close();
  });

  const stateOf = async (id: string) =>
    rowsOf<{ state: string; retry_count: number }>(await h.db.execute(sql`select state::text, retry_count from pgboss.job where id = ${id}::uuid`))[0];

  it("runs a job once and keeps its output", async () => {
    const id = await queue.enqueue("test.echo", { word: `hello-${kind}` });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const done = await until(() => stateOf(id!), (s) => s?.state === "completed");
    expect(done?.state).toBe("completed");
    expect(ran.filter((w) => w === `hello-${kind}`)).toEqual([`hello-${kind}`]);
    const overview = await jobsOverview(h.db, { intervalSeconds: 0, now: new Date() });
    expect(overview.recent.find((j) => j.id === id)?.detail).toBe(`{"echoed":"hello-${kind}"}`);
  });

  it("checks a job's input when it is sent", async () => {
    await expect(queue.enqueue("test.echo", { word: 3 })).rejects.toThrow(/word/);
    await expect(queue.enqueue("test.nothing", {})).rejects.toThrow(/unknown job kind: test.nothing/);
  });

  it("retries a failing job (1 s, then 2 s) and records the last failure for admins", async () => {
    const healed = await queue.enqueue("test.flaky", { failures: 1 });
    const broken = await queue.enqueue("test.flaky", { failures: 5 });
    const end = await until(() => stateOf(broken!), (s) => s?.state === "failed", 30_000);
    expect(end).toEqual({ state: "failed", retry_count: 2 });
    expect(attempts.get(broken!)).toBe(3);
    expect((await stateOf(healed!))?.state).toBe("completed");
    expect(attempts.get(healed!)).toBe(2);
    const overview = await jobsOverview(h.db, { intervalSeconds: 0, now: new Date() });
    const failure = overview.failures.find((j) => j.id === broken);
    expect(failure).toMatchObject({ name: "test.flaky", state: "failed", retryCount: 2, retryLimit: 2, detail: "attempt 3 failed on purpose" });
  }, 40_000);

  it("podium jobs prints the failures and the recent jobs on stdout, nothing on stderr", async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const out = { line: (t: string) => lines.push(t), error: (t: string) => errors.push(t) };
    const checked = jobsCommand.check(await jobsCommand.prepare(["--limit", "5"]));
    if (!checked.ok) throw new Error(checked.issues.join("; "));
    expect(await checked.run(h.db, out)).toBe(0);
    expect(errors).toEqual([]);
    expect(lines.slice(0, 3)).toEqual(["scheduled imports: off (PODIUM_SYNC_INTERVAL_SECONDS=0)", "next runs:", "  none"]);
    const failures = lines.slice(lines.indexOf("recent failures:") + 1, lines.indexOf("recent:"));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^ {2}test\.flaky +failed +try 3\/3 {2}finished \d{4}-\d\d-\d\dT[\d:.]+Z {2}attempt 3 failed on purpose$/);
    const json = jobsCommand.check({ limit: 5, json: true });
    const printed: string[] = [];
    if (json.ok) await json.run(h.db, { line: (t) => printed.push(t), error: (t) => errors.push(t) });
    expect(JSON.parse(printed.join("\n"))).toMatchObject({ installed: true, intervalSeconds: 0, failures: [{ name: "test.flaky", state: "failed" }] });
    await expect(jobsCommand.prepare(["--limit", "0"])).rejects.toThrow("--limit: expected a whole number from 1 to 200, not 0");
  });

  it("stores a job sent in a transaction only if the transaction commits", async () => {
    await expect(
      transaction(h.db, async (tx) => {
        await queue.enqueue("test.echo", { word: "rolled-back" }, { tx });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const id = await transaction(h.db, (tx) => queue.enqueue("test.echo", { word: "committed" }, { tx }));
    await until(() => stateOf(id!), (s) => s?.state === "completed");
    const words = rowsOf<{ w: string }>(await h.db.execute(sql`select data->>'word' as w from pgboss.job where name = 'test.echo' order by created_on`)).map((r) => r.w);
    expect(words).toContain("committed");
    expect(words).not.toContain("rolled-back");
  });

  it("refuses its own connection inside an open transaction instead of waiting for it", async () => {
    const error = await transaction(h.db, () => queue.enqueue("test.echo", { word: "inside" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueInTransactionError);
  });
});

describe.each(DRIVERS)("the schedule on %s", (kind) => {
  let h: DbHandle;
  let queue: JobQueue;
  const INTERVAL = 900;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await createSeason(h.db, { slug: "open-now", startsAt: "2031-01-01T00:00:00Z", endsAt: "2031-03-01T00:00:00Z", graceDays: 0, repos: ["o/a"] });
    await createSeason(h.db, { slug: "in-grace", startsAt: "2030-11-01T00:00:00Z", endsAt: "2031-01-10T00:00:00Z", graceDays: 7, repos: ["o/b"] });
    await createSeason(h.db, { slug: "over", startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-06-01T00:00:00Z", graceDays: 7, repos: ["o/c"] });
    await createSeason(h.db, { slug: "later", startsAt: "2031-06-01T00:00:00Z", endsAt: "2031-08-01T00:00:00Z", graceDays: 0, repos: ["o/d"] });
    queue = await startJobQueue({ handle: h, intervalSeconds: INTERVAL, github: async () => { throw new Error("none"); }, timer: false, work: false, jobs: [scheduled], log: () => {} });
  });
  afterAll(async () => {
    await queue?.stop();
    await h?.close();
  });

  const jobs = async () =>
    rowsOf<{ k: string; state: string }>(await h.db.execute(sql`select singleton_key as k, state::text from pgboss.job where name = 'sync.scheduled' order by k, created_on`));

  it("sends one import per open season (a season in its grace days too) and slot, whoever ticks how often", async () => {
    // 2031-01-15 12:00:00Z is 1 957 867 200 s after the epoch: slot 2 175 408 of 900 s, which starts at 12:00:00.
    const noon = new Date("2031-01-15T12:00:00Z");
    expect(await queue.tick(noon)).toEqual(["in-grace", "open-now"]);
    expect(await queue.tick(new Date("2031-01-15T12:14:59Z"))).toEqual([]);
    expect(await jobs()).toEqual([{ k: "in-grace", state: "created" }, { k: "open-now", state: "created" }]);
  });

  it("does not pile up: a season's next slot waits while its job still waits (stately)", async () => {
    expect(await queue.tick(new Date("2031-01-15T12:15:00Z"))).toEqual([]);
    await h.db.execute(sql`update pgboss.job set state = 'completed', completed_on = now() where name = 'sync.scheduled'`);
    expect(await queue.tick(new Date("2031-01-15T12:15:01Z"))).toEqual(["in-grace", "open-now"]);
    // The grace period of "in-grace" ends on 2031-01-17 00:00Z.
    await h.db.execute(sql`update pgboss.job set state = 'completed', completed_on = now() where name = 'sync.scheduled'`);
    expect(await queue.tick(new Date("2031-01-17T00:00:01Z"))).toEqual(["open-now"]);
  });
});
