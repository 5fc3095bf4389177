import { CLIENT_HEADER } from "./forwarded-headers";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** What the routes use: the shared limiter (lib/security/shared-rate-limit.ts) asks the database, hence a promise. */
export type RateLimiter = { take(key: string): Promise<RateLimitResult>; readonly limit: number };

/** The in-memory limiter: one process's counts (the shared limiter's fallback when the database fails). */
export type MemoryRateLimiter = { take(key: string): RateLimitResult; readonly limit: number };

/**
 * The sliding count of two fixed windows: the previous window counts for the part of it still inside the
 * sliding window (`elapsed` is the fraction of the current window gone).
 */
export function slidingCount(hits: number, previousHits: number, elapsed: number): number {
  return previousHits * (1 - elapsed) + hits;
}

/**
 * When a refused request would pass: once the previous window's share has shrunk enough, or, if this window
 * alone is full, when it ends. `hits`/`previousHits` are the counts the refusal saw.
 */
export function retryAfterSeconds(o: { hits: number; previousHits: number; t: number; windowMs: number; limit: number }): number {
  const { hits, previousHits, t, windowMs, limit } = o;
  const elapsed = (t % windowMs) / windowMs;
  const retryAfterMs = hits + 1 > limit ? windowMs - (t % windowMs) : (1 - (limit - hits - 1) / previousHits - elapsed) * windowMs;
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

type Counter = { window: number; current: number; previous: number };

/**
 * A per-client request limit over a sliding window (two fixed windows, weighted), in this process's memory:
 * several instances behind a balancer would each allow the limit, so the routes use the shared limiter.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }): MemoryRateLimiter {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const counters = new Map<string, Counter>();

  const prune = (window: number) => {
    for (const [key, c] of counters) if (c.window < window - 1) counters.delete(key);
    // Still too many clients at once: forget the oldest (a flood of spoofed keys must not grow memory).
    for (const key of counters.keys()) {
      if (counters.size <= maxKeys) break;
      counters.delete(key);
    }
  };

  return {
    limit,
    take(key) {
      const t = now();
      const window = Math.floor(t / windowMs);
      let c = counters.get(key);
      if (!c) {
        if (counters.size >= maxKeys) prune(window);
        c = { window, current: 0, previous: 0 };
        counters.set(key, c);
      } else if (c.window !== window) {
        c.previous = c.window === window - 1 ? c.current : 0;
        c.current = 0;
        c.window = window;
      }
      const used = slidingCount(c.current, c.previous, (t % windowMs) / windowMs);
      if (used + 1 > limit) return { ok: false, retryAfterSeconds: retryAfterSeconds({ hits: c.current, previousHits: c.previous, t, windowMs, limit }) };
      c.current += 1;
      return { ok: true, remaining: Math.floor(limit - used - 1) };
    },
  };
}

/**
 * Who a request comes from, for rate limits: the address Podium's server edge (scripts/server.ts) wrote
 * after weighing the socket peer against `PODIUM_TRUSTED_PROXIES` (see lib/security/forwarded-headers.ts).
 * `X-Forwarded-For` itself is never read here: any client can send it. Without the edge (`next dev`), one
 * shared key.
 */
export function clientKey(headers: Headers): string {
  return (headers.get(CLIENT_HEADER)?.trim() || "unknown").slice(0, 100);
}

/** A 429 response with `Retry-After`. */
export function tooManyRequests(retryAfterSeconds: number, what: string): Response {
  return Response.json(
    { error: `too many ${what} requests; try again in ${retryAfterSeconds} s` },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}
