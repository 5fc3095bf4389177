import { describe, expect, it } from "vitest";
import { invalidateReads, microCache } from "@/lib/cache/micro-cache";

const db = {};

describe("micro-cache", () => {
  it("shares one load between identical reads inside the TTL, in flight too, and reloads after it", async () => {
    let t = 0;
    let loads = 0;
    const cache = microCache<number>("test:ttl", { ttlMs: 500, now: () => t });
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache(db, "k", load), cache(db, "k", load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    t = 499;
    expect(await cache(db, "k", load)).toBe(1);
    expect(await cache(db, "other", load)).toBe(2);
    t = 500;
    expect(await cache(db, "k", load)).toBe(3);
  });

  it("a change of totals in this process drops every cached read at once", async () => {
    let loads = 0;
    const cache = microCache<number>("test:invalidate", { ttlMs: 60_000 });
    const load = async () => ++loads;
    expect(await cache(db, "k", load)).toBe(1);
    expect(await cache(db, "k", load)).toBe(1);
    invalidateReads();
    expect(await cache(db, "k", load)).toBe(2);
  });

  it("two databases never share an entry", async () => {
    const cache = microCache<string>("test:scope", { ttlMs: 60_000 });
    expect(await cache({}, "k", async () => "postgres")).toBe("postgres");
    expect(await cache({}, "k", async () => "pglite")).toBe("pglite");
  });

  it("a failed load is not kept, and the number of keys is bounded", async () => {
    const cache = microCache<number>("test:bounds", { ttlMs: 60_000, maxEntries: 3 });
    await expect(cache(db, "bad", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache(db, "bad", async () => 7)).toBe(7);
    let loads = 0;
    for (const k of ["a", "b", "c", "d"]) await cache(db, k, async () => ++loads);
    // "bad" and "a" were the oldest: "a" is loaded again, "d" is still cached.
    expect(await cache(db, "d", async () => ++loads)).toBe(4);
    expect(await cache(db, "a", async () => ++loads)).toBe(5);
  });
});
