/**
 * Issue #17, item 4: rate limits shared across instances. Three limiters, each on its own connection pool to one
 * PostgreSQL (three app instances, as far as the limiter can tell; PGlite has one process, so there the three
 * share its one handle), count one budget: the 31st sign-in a minute is refused on whichever instance gets it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { createRateLimiter } from "@/lib/security/rate-limit";
import { createSharedRateLimiter } from "@/lib/security/shared-rate-limit";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createDatabase } from "../harness/postgres-server";

const MINUTE = 60_000;
const SIGNIN = 30; // PODIUM_RATE_LIMIT_SIGNIN's default (lib/env.ts)

describe.each(DRIVERS)("shared rate limits on %s", (kind) => {
  const handles: DbHandle[] = [];
  let t = 0;
  const limiters = (bucket: string, limit = SIGNIN) =>
    [0, 1, 2].map((i) => createSharedRateLimiter({ db: () => handles[i % handles.length]!.db, bucket, limit, windowMs: MINUTE, now: () => t }));
  const rows = async (bucket: string) =>
    rowsOf<{ key: string }>(await handles[0]!.db.execute(sql`select key from rate_limit_counters where bucket = ${bucket} order by key`)).map((r) => r.key);

  beforeAll(async () => {
    if (kind === "postgres") {
      const url = await createDatabase(inject("pgUrl"), `t_rl_${process.pid}_${Date.now().toString(36)}`);
      for (let i = 0; i < 3; i++) handles.push(await openDatabase({ url, max: 4, migrate: i === 0 }));
    } else {
      handles.push(await freshDatabase("pglite"));
    }
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it("30 sign-ins a minute from one client pass between three instances; the 31st is refused on each of them", async () => {
    t = 1_000 * MINUTE + 1_000; // a second into a window
    const [a, b, c] = limiters("sign-in");
    const taken = [];
    for (let i = 0; i < SIGNIN; i++) taken.push(await [a!, b!, c!][i % 3]!.take("10.0.0.1"));
    expect(taken.every((r) => r.ok)).toBe(true);
    expect(taken.at(-1)).toEqual({ ok: true, remaining: 0 });
    // The 31st, whichever instance it reaches: refused until the window ends (59 s from now).
    for (const limiter of [a!, b!, c!]) expect(await limiter.take("10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 59 });
    // Another client has its own budget.
    expect(await b!.take("10.0.0.2")).toEqual({ ok: true, remaining: 29 });
  });

  it("a burst of 45 at once over the three instances lets exactly 30 through (the count is one atomic statement)", async () => {
    t = 2_000 * MINUTE;
    const ls = limiters("burst");
    const results = await Promise.all(Array.from({ length: 45 }, (_, i) => ls[i % 3]!.take("10.0.0.9")));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
  });

  it("decides like the one-process limiter over a random day of requests (the same sliding window)", async () => {
    const memory = createRateLimiter({ limit: 5, windowMs: MINUTE, now: () => t });
    const ls = limiters("same", 5);
    t = 3_000 * MINUTE;
    let seed = 17;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const got: unknown[] = [];
    const expected: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      t += Math.floor(random() * 20_000);
      const key = random() < 0.7 ? "x" : "y";
      expected.push(memory.take(key));
      got.push(await ls[i % 3]!.take(key));
    }
    expect(got).toEqual(expected);
    expect(expected.filter((r) => (r as { ok: boolean }).ok).length).toBeLessThan(300); // the schedule did hit the limit
  });

  it("rows more than a window old are deleted", async () => {
    t = 4_000 * MINUTE;
    const [a] = limiters("old");
    await a!.take("gone");
    t += MINUTE;
    await a!.take("kept"); // "gone"'s window is the previous one: it still weighs
    expect(await rows("old")).toEqual(["gone", "kept"]);
    t += MINUTE;
    await a!.take("new");
    expect(await rows("old")).toEqual(["kept", "new"]);
  });

  it("without its database a limiter still limits, in its own process", async () => {
    t = 5_000 * MINUTE;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      const broken = createSharedRateLimiter({ db: () => Promise.reject(new Error("connection refused")), bucket: "down", limit: 2, windowMs: MINUTE, now: () => t });
      expect([(await broken.take("k")).ok, (await broken.take("k")).ok, (await broken.take("k")).ok]).toEqual([true, true, false]);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("counting in this process");
  });
});
