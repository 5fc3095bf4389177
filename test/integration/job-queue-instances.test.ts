/**
 * Issue #16, item 1, "done when": several app instances on one PostgreSQL, each with its own job queue (its own
 * connections), tick the schedule together for 50 slots (an injected clock: no sleeping for 900 s), while GitHub
 * gains merged pull requests. Each slot's import is stored once whoever ticks, runs once on one instance, and the
 * ledger at the end is what one import into a fresh database gives. PGlite has one process: there the same
 * schedule runs on one instance.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { applyDemoProgram } from "@/demo/program/seed";
import { createGitHubClient } from "@/lib/github/client";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { runSync } from "@/lib/sync/run-sync";
import { smallProgram } from "../factories/program";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerRows } from "../harness/ledger-snapshot";
import { createDatabase } from "../harness/postgres-server";

const INTERVAL = 900;
/** 50 slots with several instances; the one-process PGlite run is slower per import and shows the same with 20. */
const ticksFor = (kind: string) => (kind === "postgres" ? 50 : 20);
const REPO = "many/inst";
const program = () =>
  smallProgram({
    repo: REPO,
    logins: ["ann", "bob", "cat"],
    seasons: [{ slug: "inst", name: "Instances", startsAt: "2020-03-01T00:00:00+00:00", endsAt: "2020-05-31T23:59:59+00:00", repos: [REPO], taskLabels: ["cp"], difficulties: { easy: 100, medium: 300, hard: 1000 } }],
    tasks: [{ number: 1, difficulty: "easy" }],
    merges: [{ author: "ann", task: 1, mergedAt: "2020-03-02T00:00:00Z" }],
  });

/** Every fifth slot, GitHub gets a new task and a merged pull request completing it. */
function growGitHub(fake: FakeGitHub, i: number): void {
  if (i % 5 !== 0) return;
  const task = 100 + i;
  const at = new Date(Date.UTC(2020, 2, 3) + i * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const [issue] = fake.fixture.issues;
  fake.fixture.issues.push({ ...issue!, number: task, title: `Task ${task}`, labels: ["cp", i % 10 === 0 ? "difficulty/medium" : "difficulty/easy"], updatedAt: now });
  const [pull] = fake.fixture.pullRequests;
  const author = ["ann", "bob", "cat"][i % 3]!;
  fake.fixture.pullRequests.push({ ...pull!, number: 500 + i, title: `Work on ${task}`, body: `Closes #${task}`, author, closingIssues: [task], mergedAt: at, createdAt: at, updatedAt: now });
  fake.touch();
}

async function drained(h: DbHandle): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [row] = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'sync.scheduled' and state in ('created', 'retry', 'active')`));
    if (Number(row?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the scheduled jobs did not finish");
}

describe.each(DRIVERS)("scheduled imports from several instances on %s", (kind) => {
  const instances = kind === "postgres" ? 3 : 1;
  const TICKS = ticksFor(kind);
  let fake: FakeGitHub;
  const handles: DbHandle[] = [];
  const queues: JobQueue[] = [];
  const ranOn: number[] = [];

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program() });
    if (kind === "postgres") {
      const url = await createDatabase(inject("pgUrl"), `t_inst_${process.pid}_${Date.now().toString(36)}`);
      for (let i = 0; i < instances; i++) handles.push(await openDatabase({ url, max: 4 }));
    } else {
      handles.push(await freshDatabase("pglite"));
    }
    await applyDemoProgram(handles[0]!.db, program());
    for (const [n, handle] of handles.entries()) {
      queues.push(
        await startJobQueue({
          handle,
          intervalSeconds: INTERVAL,
          timer: false,
          pollingIntervalSeconds: 0.5,
          log: () => {},
          github: async () => {
            ranOn.push(n);
            return { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {} }), webBase: fake.url };
          },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    for (const h of handles) await h.close();
    await fake?.close();
  });

  it(`${ticksFor(kind)} slots ticked by ${instances} instance(s): each import stored once and run once, the ledger as one import makes it`, async () => {
    const start = Date.parse("2020-04-01T00:00:00Z");
    for (let i = 0; i < TICKS; i++) {
      growGitHub(fake, i);
      // Every instance ticks, twice, at two moments of the same slot, all at once.
      const at = (s: number) => new Date(start + i * INTERVAL * 1000 + s * 1000);
      const sent = await Promise.all(queues.flatMap((q) => [q.tick(at(1)), q.tick(at(INTERVAL - 1))]));
      expect(sent.flat()).toEqual(["inst"]);
      await drained(handles[0]!);
    }
    const db = handles[0]!.db;
    const jobs = rowsOf<{ state: string; n: number; runs: number }>(
      await db.execute(sql`select state::text, count(*)::int as n, count(distinct output->>'runId')::int as runs
        from (select state, output from pgboss.job where name = 'sync.scheduled' union all select state, output from pgboss.archive where name = 'sync.scheduled') j group by state`),
    );
    expect(jobs).toEqual([{ state: "completed", n: TICKS, runs: TICKS }]);
    const runs = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from sync_runs where trigger = 'schedule' group by status`));
    expect(runs).toEqual([{ status: "succeeded", n: TICKS }]);
    expect(ranOn).toHaveLength(TICKS);

    const reference = await freshDatabase(kind);
    try {
      await applyDemoProgram(reference.db, program());
      await runSync(reference.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t" }), trigger: "test" });
      const expected = await ledgerRows(reference.db);
      expect(expected).toHaveLength(1 + TICKS / 5);
      expect(await ledgerRows(db)).toEqual(expected);
    } finally {
      await reference.close();
    }
  }, 180_000);
});
