/**
 * Issue #17, item 1: a write marks what it changed with a notification on `podium_cache` inside its transaction,
 * so PostgreSQL delivers it to every listening process on commit, and never for a rollback or a what-if; the
 * listener expires the tags in its process (Next's cache through the handler's hook, and the micro-cache).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DbHandle, type DbKind } from "@/db/client";
import { rolledBack, transaction } from "@/db/transaction";
import { CACHE_CHANNEL, collectChanges, publishChange } from "@/lib/cache/changes";
import { startCacheListener } from "@/lib/cache/listener";
import { microCache } from "@/lib/cache/micro-cache";
import { DRIVERS } from "../harness/databases";
import { createDatabase } from "../harness/postgres-server";

async function open(kind: DbKind): Promise<DbHandle> {
  if (kind === "postgres") return openDatabase({ url: await createDatabase(inject("pgUrl"), `t_cn_${process.pid}_${Date.now().toString(36)}`), max: 5 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-pglite-"));
  const h = await openDatabase({ pgliteDir: path.join(dir, "db") });
  return { ...h, close: async () => (await h.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** Polls until `done()` (at most 20 s, no timed assertion); the number of polls. */
async function until(done: () => boolean): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (let polls = 1; ; polls += 1) {
    if (done()) return polls;
    if (Date.now() > deadline) throw new Error(`not done after ${polls} polls`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const EXPIRE = Symbol.for("podium.cache.expireTags");
const hooks = globalThis as unknown as Record<symbol, ((tags: string[]) => Promise<void>) | undefined>;

describe.each(DRIVERS)("cache notifications on %s", (kind) => {
  let h: DbHandle;
  const heard: string[] = [];
  const expired: string[][] = [];
  let unlisten: () => Promise<void>;
  beforeAll(async () => {
    h = await open(kind);
    unlisten = await h.listen!(CACHE_CHANNEL, (payload) => void heard.push(payload));
    hooks[EXPIRE] = async (tags) => void expired.push(tags);
  });
  afterAll(async () => {
    hooks[EXPIRE] = undefined;
    await unlisten?.();
    await h?.close();
  });

  it("delivers a committed write's tags, and nothing of a rolled-back write or a what-if", async () => {
    heard.length = 0;
    await expect(
      transaction(h.db, async (tx) => {
        await publishChange(tx, ["season:rolled-back"]);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await rolledBack(h.db, (tx) => publishChange(tx, ["season:what-if"]));
    await transaction(h.db, async (tx) => {
      await publishChange(tx, ["season:one", "participant:ann"]);
      await tx.execute(sql`select 1`);
    });
    await until(() => heard.length > 0);
    // Notifications arrive in commit order: had either of the others been sent, it would have come first.
    expect(heard[0]).toBe("season:one participant:ann");
    expect(heard.join(" ")).not.toMatch(/rolled-back|what-if/);
  });

  it("expires this process's caches only after the commit, and gives the tags to the action that wrote", async () => {
    expired.length = 0;
    const { value, tags } = await collectChanges(() =>
      transaction(h.db, async (tx) => {
        await publishChange(tx, ["tasks:s1"]);
        return expired.length; // inside the transaction: nothing expired yet
      }),
    );
    expect(value).toBe(0);
    expect(expired).toEqual([["tasks:s1"]]);
    expect(tags).toEqual(["tasks:s1"]);
  });

  it("a listener expires the tags another connection's commit names, and the micro-cache with them", async () => {
    const unlistenCache = await startCacheListener(h);
    try {
      let loads = 0;
      const cache = microCache<number>(`test:notify:${kind}`, { ttlMs: 600_000 });
      const read = () => cache(h, "k", async () => ++loads);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1); // cached
      expired.length = 0;
      // From a pool connection, not the listener's own (on PGlite, the one process's only connection).
      await h.db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${"season:from-elsewhere"})`);
      await until(() => expired.some((t) => t.includes("season:from-elsewhere")));
      expect(await read()).toBe(2);
    } finally {
      await unlistenCache();
    }
  });
});
