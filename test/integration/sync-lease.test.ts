/**
 * Issue #13, item 3: a sync holds a lease (its row's heartbeat_at, renewed by a timer whatever the sync waits on).
 * While the lease is live no other sync starts; once its process died, the next sync starts within the lease's
 * length (30 s by default; the tests shorten it rather than sleep).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import type { SeasonFile } from "@/lib/seasons/season-file";
import { beginRun, emptyCounts, endRun, holdLease, LEASE_MS, LEASE_RENEW_MS, SyncInProgressError } from "@/lib/sync/run-lock";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createDatabase } from "../harness/postgres-server";

const input = { seasonId: null, trigger: "test", full: false };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const statusOf = async (h: DbHandle, id: number) => (await h.db.select().from(syncRuns).where(eq(syncRuns.id, id)))[0];

it("the default lease is at most 30 s, renewed several times within it", () => {
  expect(LEASE_MS).toBeLessThanOrEqual(30_000);
  expect(LEASE_RENEW_MS * 3).toBeLessThanOrEqual(LEASE_MS);
});

describe.each(DRIVERS)("sync lease on %s", (kind) => {
  const handles: DbHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });
  const open = async () => {
    const h = await freshDatabase(kind);
    handles.push(h);
    return h;
  };

  it("a renewed lease keeps blocking past its length; once renewals stop, the next sync starts after it lapses", async () => {
    const h = await open();
    // Margins are wide (a 2 s lease renewed every 100 ms) so a loaded CI machine's stalls do not decide the outcome.
    const first = await beginRun(h.db, input, 2_000);
    const lease = holdLease(h.db, first, 100);
    await sleep(2_600); // longer than the lease: only the renewals keep it
    await expect(beginRun(h.db, input, 2_000)).rejects.toBeInstanceOf(SyncInProgressError);
    lease.stop(); // the process holding it is gone: no more heartbeats
    await expect(beginRun(h.db, input, 2_000)).rejects.toBeInstanceOf(SyncInProgressError);
    await sleep(2_400);
    const second = await beginRun(h.db, input, 2_000);
    expect(second).not.toBe(first);
    expect(await statusOf(h, first)).toMatchObject({ status: "failed", error: expect.stringMatching(/abandoned/) });
    // The abandoned run's late end (say its process was only frozen) does not overwrite that outcome.
    await endRun(h.db, first, { counts: emptyCounts(), graphqlCost: 0 });
    expect((await statusOf(h, first))?.status).toBe("failed");
    expect(lease.lost()).toBe(false);
    const stale = holdLease(h.db, first, 50);
    await sleep(300);
    expect(stale.lost()).toBe(true); // a run closed by another process learns it at its next renewal
    stale.stop();
    await endRun(h.db, second, { counts: emptyCounts(), graphqlCost: 0 });
  });

  it("with the default lease, a run 25 s silent still blocks and one 31 s silent does not (the database's clock)", async () => {
    const h = await open();
    const first = await beginRun(h.db, input);
    const silentFor = (s: number) => h.db.update(syncRuns).set({ heartbeatAt: sql`now() - ${s} * interval '1 second'` }).where(eq(syncRuns.id, first));
    await silentFor(25);
    await expect(beginRun(h.db, input)).rejects.toBeInstanceOf(SyncInProgressError);
    await silentFor(31);
    const second = await beginRun(h.db, input);
    expect((await statusOf(h, first))?.status).toBe("failed");
    expect((await statusOf(h, second))?.status).toBe("running");
  });
});

describe("a sync whose process is killed (PostgreSQL)", () => {
  it("blocks the next sync while its lease is live, and no longer once the lease lapsed", async () => {
    const url = await createDatabase(inject("pgUrl"), `lease_${process.pid}`);
    const { openDatabase } = await import("@/db/client");
    const h = await openDatabase({ url, max: 3 });
    let child: ReturnType<typeof spawn> | undefined;
    try {
      const season = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as SeasonFile;
      await applySeasons(h.db, [season]);
      child = spawn(process.execPath, ["--import", "tsx", "test/harness/sync-child.ts", url, "200"], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
      const deadline = Date.now() + 30_000;
      while (!/started \d+/.test(out)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the sync did not start:\n${out}`);
        await sleep(100);
      }
      const runId = Number(/started (\d+)/.exec(out)![1]);
      await sleep(3_600); // the child's renewals keep its 3 s lease alive meanwhile
      await expect(beginRun(h.db, input, 3_000)).rejects.toMatchObject({ runId });
      child.kill("SIGKILL");
      await new Promise((r) => child!.once("exit", r));
      const killedAt = Date.now();
      await expect(beginRun(h.db, input, 3_000)).rejects.toBeInstanceOf(SyncInProgressError);
      let next: number | null = null;
      while (next === null && Date.now() - killedAt < 15_000) {
        next = await beginRun(h.db, input, 3_000).catch(() => null);
        if (next === null) await sleep(100);
      }
      expect(next).not.toBeNull();
      expect(Date.now() - killedAt).toBeLessThan(3_000 + 3_000);
      expect(await statusOf(h, runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/abandoned/) });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await h.close();
    }
  });
});
