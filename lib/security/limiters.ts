import { getDb } from "@/db";
import { env } from "@/lib/env";
import type { RateLimiter } from "./rate-limit";
import { createSharedRateLimiter } from "./shared-rate-limit";

const unlimited: RateLimiter = { limit: Number.POSITIVE_INFINITY, take: async () => ({ ok: true, remaining: Number.POSITIVE_INFINITY }) };
const perMinute = (bucket: string, limit: number): RateLimiter =>
  limit > 0 ? createSharedRateLimiter({ db: getDb, bucket, limit, windowMs: 60_000 }) : unlimited;

// The counts are in the database (shared by every instance, and by the route handlers' and the pages' bundles,
// each of which has its own copy of this module); the limiter objects are kept on the process only so that
// each bundle prunes old rows once a window, not once a request.
const shared = globalThis as typeof globalThis & { __podiumLimiters?: { signIn?: RateLimiter; webhook?: RateLimiter } };
const limiters = (shared.__podiumLimiters ??= {});

/** Sign-in starts and OAuth callbacks, per client (`PODIUM_RATE_LIMIT_SIGNIN` a minute, across all instances). */
export function signInLimiter(): RateLimiter {
  limiters.signIn ??= perMinute("sign-in", env().rateLimitSignIn);
  return limiters.signIn;
}

/** Webhook deliveries, per sender (`PODIUM_RATE_LIMIT_WEBHOOK` a minute, across all instances). */
export function webhookLimiter(): RateLimiter {
  limiters.webhook ??= perMinute("webhook", env().rateLimitWebhook);
  return limiters.webhook;
}
