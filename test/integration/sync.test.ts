import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seasons, syncRuns, tasks } from "@/db/schema";
import { applyDemoProgram, seedDemo } from "@/demo/program/seed";
import { generateDemoProgram } from "@/demo/program/generate";
import { createGitHubClient, type ClientEvent } from "@/lib/github/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { runSync } from "@/lib/sync/run-sync";
import { SyncInProgressError } from "@/lib/sync/run-lock";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerSnapshot } from "../harness/ledger-snapshot";

describe.each(DRIVERS)("importing through the fake GitHub on %s", (kind) => {
  let h: DbHandle;
  let fake: FakeGitHub;
  const events: ClientEvent[] = [];
  const waits: number[] = [];
  const client = () =>
    createGitHubClient({
      url: `${fake.url}/graphql`,
      token: "t",
      onEvent: (e) => events.push(e),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: generateDemoProgram() });
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it("a full import yields exactly what the program holds (same ledger as a direct load)", async () => {
    const summary = await runSync(h.db, { client: client(), trigger: "test", webBase: fake.url });
    expect(summary.pullRequests).toBeGreaterThan(150);
    expect(summary.tasks).toBeGreaterThan(100);
    const reference = await freshDatabase(kind);
    try {
      await seedDemo(reference.db);
      expect(await ledgerSnapshot(h.db)).toEqual(await ledgerSnapshot(reference.db));
    } finally {
      await reference.close();
    }
    // Cost: about a point per page of 100 merged pull requests, plus the task searches.
    expect(summary.graphqlCost).toBeLessThanOrEqual(summary.queries);
  });

  it("a re-sync with nothing new costs at most one point per repository and writes nothing", async () => {
    const before = await ledgerSnapshot(h.db);
    fake.resetStats();
    const summary = await runSync(h.db, { client: client(), trigger: "test" });
    const repoCount = 7; // 3 repos in season 1, 4 in season 2
    expect(summary.reposSkipped).toBe(repoCount);
    expect(summary.graphqlCost).toBeLessThanOrEqual(repoCount);
    expect(fake.stats().cost).toBe(summary.graphqlCost);
    expect(summary.entries).toBe(0);
    expect(await ledgerSnapshot(h.db)).toEqual(before);
  });

  it("an incremental sync picks up a newly merged pull request", async () => {
    const [open] = await h.db
      .select()
      .from(tasks)
      .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
      .where(and(eq(seasons.slug, "2020-s2"), eq(tasks.state, "open"), eq(tasks.active, true)));
    expect(open).toBeDefined();
    const repo = (await h.db.query?.repositories?.findFirst?.({ where: (r, { eq: e }) => e(r.id, open!.tasks.repositoryId) })) as { fullName: string } | undefined;
    const fullName = repo?.fullName ?? "pingcap/tidb";
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    fake.fixture.pullRequests.push({
      repo: fullName,
      number: 99_001,
      title: "late but merged in the window",
      body: `close #${open!.tasks.number}`,
      labels: [],
      state: "MERGED",
      author: "raftwalker",
      createdAt: "2020-04-01T00:00:00Z",
      updatedAt: now,
      mergedAt: "2020-04-02T00:00:00Z",
      mergedBy: "sql-keeper",
      closingIssues: [],
      comments: [],
    });
    fake.touch();
    const summary = await runSync(h.db, { client: client(), trigger: "test", season: "2020-s2" });
    expect(summary.pullRequests).toBe(1);
    expect(summary.entries).toBeGreaterThanOrEqual(open!.tasks.score === null ? 0 : 1);
    const [after] = await h.db.select().from(tasks).where(eq(tasks.id, open!.tasks.id));
    if (open!.tasks.score !== null) expect(after?.state).toBe("completed");
  });

  it("survives 502s, a secondary limit and a spent limit, saying what it waits for", async () => {
    events.length = 0;
    waits.length = 0;
    fake.faults.failNext("502", 2);
    fake.faults.failNext("secondary", 1);
    fake.faults.failNext("exhausted", 1);
    const summary = await runSync(h.db, { client: client(), trigger: "test", full: true, season: "2019-s1" });
    expect(summary.pullRequests).toBeGreaterThan(50);
    expect(events.filter((e) => e.kind === "retry")).toHaveLength(2);
    expect(events.some((e) => e.kind === "secondary-limit" && e.waitMs === 1000)).toBe(true);
    expect(events.some((e) => e.kind === "rate-limit-wait")).toBe(true);
    const [run] = await h.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId));
    expect(run?.status).toBe("succeeded");
  });

  it("a second sync while one runs is refused and says so", async () => {
    const first = runSync(h.db, { client: client(), trigger: "test", full: true });
    await new Promise((r) => setTimeout(r, 20));
    await expect(runSync(h.db, { client: client(), trigger: "test" })).rejects.toBeInstanceOf(SyncInProgressError);
    await first;
  });

  it("a failing GitHub leaves a failed run with the reason and the data already stored", async () => {
    fake.faults.failNext("502", 10);
    await expect(runSync(h.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {}, maxRetries: 2 }), trigger: "test", full: true })).rejects.toThrow(/HTTP 502/);
    fake.faults.clear();
    const [run] = await h.db.select().from(syncRuns).orderBy(syncRuns.id).limit(1).offset((await h.db.select().from(syncRuns)).length - 1);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/HTTP 502/);
  });
});
