import { CLIENT_HEADER } from "./forwarded-headers";

/**
 * A per-client request limit over a sliding window (two fixed windows, weighted), in this process's memory.
 * Enough for one Podium instance; several instances behind a balancer each allow the limit.
 */
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimiter = { take(key: string): RateLimitResult; readonly limit: number };

type Counter = { window: number; current: number; previous: number };

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number; maxKeys?: number }): RateLimiter {
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
      // The previous window counts for the part of it still inside the sliding window.
      const elapsed = (t % windowMs) / windowMs;
      const used = c.previous * (1 - elapsed) + c.current;
      if (used + 1 > limit) {
        // Until the previous window's share has shrunk enough (or, if this window alone is full, until it ends).
        const retryAfterMs = c.current + 1 > limit ? windowMs - (t % windowMs) : (1 - (limit - c.current - 1) / c.previous - elapsed) * windowMs;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
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
