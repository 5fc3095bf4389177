import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { errorText } from "./redact";
import { createRateLimiter, retryAfterSeconds, slidingCount, type RateLimiter } from "./rate-limit";

/**
 * A per-client limit shared by every Podium instance on one database: the counts live in
 * `rate_limit_counters` (db/schema/security.ts), one row per limiter and client, and each request is counted
 * and decided by one atomic statement (`insert … on conflict do update … returning`), so three instances
 * behind a balancer allow the limit once between them, not three times. The window is the in-memory
 * limiter's: a sliding count over two fixed windows. On PGlite (one process) the same table works.
 *
 * Why not rate-limiter-flexible: its PostgreSQL store wants a `pg` pool, and Podium's database is drizzle over
 * postgres.js or PGlite (db/client.ts); one statement through our own client is all the store would do.
 *
 * Times are this instance's clock (instances keep NTP time; a window a little ahead on another instance is
 * kept, not reset). If the database cannot be reached, the limiter counts in this process's memory instead
 * (the request is still limited, per process) and says so in the log.
 */
export function createSharedRateLimiter(options: {
  db: () => Promise<Executor> | Executor;
  /** The limiter's name: its rows are apart from other limiters'. */
  bucket: string;
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const { bucket, limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const fallback = createRateLimiter({ limit, windowMs, now });
  let prunedWindow = Number.NEGATIVE_INFINITY;
  let warnedAt = Number.NEGATIVE_INFINITY;

  const count = async (key: string, t: number) => {
    const db = await options.db();
    const w = Math.floor(t / windowMs);
    const elapsed = (t % windowMs) / windowMs;
    if (prunedWindow < w) {
      // Rows from before the previous window weigh nothing: forget them (once a window per instance).
      prunedWindow = w;
      await db.execute(sql`delete from rate_limit_counters where bucket = ${bucket} and window_index < ${w - 1}`);
    }
    // In the update, `c.*` is the stored row. A stored window ahead of ours (another instance's clock) is kept.
    const same = sql`c.window_index >= excluded.window_index`;
    const prev = sql`(case when ${same} then c.previous_hits when c.window_index = excluded.window_index - 1 then c.hits else 0 end)`;
    const hits = sql`(case when ${same} then c.hits else 0 end)`;
    const fits = sql`(${prev} * (1 - ${elapsed}::float8) + ${hits} + 1 <= ${limit}::float8)`;
    const result = await db.execute(sql`
      insert into rate_limit_counters as c (bucket, key, window_index, hits, previous_hits, last_ok)
      values (${bucket}, ${key}, ${w}, ${limit >= 1 ? 1 : 0}, 0, ${limit >= 1})
      on conflict (bucket, key) do update set
        window_index = greatest(c.window_index, excluded.window_index),
        previous_hits = ${prev},
        hits = ${hits} + (case when ${fits} then 1 else 0 end),
        last_ok = ${fits}
      returning hits, previous_hits as "previousHits", last_ok as "ok"`);
    const [row] = rowsOf<{ hits: number; previousHits: number; ok: boolean }>(result);
    if (!row) throw new Error("the rate-limit counter returned no row");
    return { hits: Number(row.hits), previousHits: Number(row.previousHits), ok: row.ok, elapsed };
  };

  return {
    limit,
    async take(key) {
      const t = now();
      let c: Awaited<ReturnType<typeof count>>;
      try {
        c = await count(key, t);
      } catch (error) {
        if (t - warnedAt > 60_000) {
          warnedAt = t;
          console.error(`podium: the shared rate-limit counters are unavailable, counting in this process: ${errorText(error)}`);
        }
        return fallback.take(key);
      }
      if (!c.ok) return { ok: false, retryAfterSeconds: retryAfterSeconds({ hits: c.hits, previousHits: c.previousHits, t, windowMs, limit }) };
      return { ok: true, remaining: Math.max(0, Math.floor(limit - slidingCount(c.hits, c.previousHits, c.elapsed))) };
    },
  };
}
