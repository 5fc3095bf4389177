import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "@/lib/security/rate-limit";
import { eventTime, staleness } from "@/lib/webhooks/event-time";

describe("rate limiter", () => {
  it("allows the limit per window and per client, then refuses with a retry time", () => {
    let t = 1_000_000 * 60_000; // the start of a window
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    const refused = limiter.take("a");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.take("b").ok).toBe(true);
    t += 30_000;
    expect(limiter.take("a").ok).toBe(false);
    // A window later, half of the previous window still counts (sliding): 3 × 0.5 = 1.5 used.
    t += 60_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    // Two windows later, the client starts afresh.
    t += 120_000;
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
  });

  it("a refusal's retry time is when the next request would pass", () => {
    let t = 5 * 60_000;
    const limiter = createRateLimiter({ limit: 4, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 4; i++) limiter.take("a");
    t += 60_000 + 15_000; // previous: 4, a quarter into the new window: 3 used
    expect(limiter.take("a").ok).toBe(true);
    const refused = limiter.take("a");
    expect(refused.ok).toBe(false);
    const wait = refused.ok ? 0 : refused.retryAfterSeconds;
    t += wait * 1000;
    expect(limiter.take("a").ok).toBe(true);
  });

  it("a flood of distinct clients does not grow memory past the bound", () => {
    const t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => t, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) expect(limiter.take(`spoofed-${i}`).ok).toBe(true);
    // The oldest were forgotten, the newest are still limited.
    expect(limiter.take("spoofed-9999").ok).toBe(false);
  });

  it("the client is the address the server's edge wrote; X-Forwarded-For and X-Real-IP are never believed here", () => {
    expect(clientKey(new Headers({ "x-podium-client": "10.0.0.7", "x-forwarded-for": "6.6.6.6, 10.0.0.8" }))).toBe("10.0.0.7");
    expect(clientKey(new Headers({ "x-podium-client": "::1" }))).toBe("::1");
    // Rotating these does not give a client a fresh budget: they all share one key.
    expect(clientKey(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
    expect(clientKey(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("unknown");
    expect(clientKey(new Headers())).toBe("unknown");
  });
});

describe("webhook delivery age", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  const hour = 3_600_000;
  it("is the latest time of the objects the payload carries", () => {
    expect(eventTime({ pull_request: { created_at: "2026-11-01T00:00:00Z", updated_at: "2026-11-26T10:00:00Z" } })?.toISOString()).toBe("2026-11-26T10:00:00.000Z");
    expect(eventTime({ issue: { updated_at: "2026-11-20T00:00:00Z" }, comment: { created_at: "2026-11-26T11:00:00Z" } })?.toISOString()).toBe("2026-11-26T11:00:00.000Z");
    expect(eventTime({ zen: "Keep it logically awesome." })).toBeNull();
    expect(eventTime(null)).toBeNull();
    expect(eventTime({ issue: { updated_at: "yesterday" } })).toBeNull();
  });
  it("a delivery older than the bound is stale; 0 means no bound", () => {
    const old = { issue: { updated_at: "2026-11-22T11:59:59Z" } };
    expect(staleness(old, now, 72 * hour)).toMatchObject({ stale: true });
    expect(staleness({ issue: { updated_at: "2026-11-23T12:00:00Z" } }, now, 72 * hour)).toEqual({ stale: false });
    expect(staleness(old, now, 0)).toEqual({ stale: false });
  });
});
