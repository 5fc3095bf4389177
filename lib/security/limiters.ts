import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

const unlimited: RateLimiter = { limit: Number.POSITIVE_INFINITY, take: () => ({ ok: true, remaining: Number.POSITIVE_INFINITY }) };
const perMinute = (limit: number): RateLimiter => (limit > 0 ? createRateLimiter({ limit, windowMs: 60_000 }) : unlimited);

// Next bundles route handlers and pages (server actions) separately, each with its own copy of this module:
// the counters live on the process so that a sign-in's action and its OAuth callback share one budget.
const shared = globalThis as typeof globalThis & { __podiumLimiters?: { signIn?: RateLimiter; webhook?: RateLimiter } };
const limiters = (shared.__podiumLimiters ??= {});

/** Sign-in starts and OAuth callbacks, per client (`PODIUM_RATE_LIMIT_SIGNIN` a minute). */
export function signInLimiter(): RateLimiter {
  limiters.signIn ??= perMinute(env().rateLimitSignIn);
  return limiters.signIn;
}

/** Webhook deliveries, per sender (`PODIUM_RATE_LIMIT_WEBHOOK` a minute). */
export function webhookLimiter(): RateLimiter {
  limiters.webhook ??= perMinute(env().rateLimitWebhook);
  return limiters.webhook;
}
