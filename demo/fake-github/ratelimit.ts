import type { RateInfo } from "./models";

/**
 * GitHub's primary GraphQL rate limit: a budget of points per token per hour. The window opens with the token's
 * first request and resets an hour later.
 */

const HOUR = 3_600_000;

type Budget = { used: number; resetAt: number };

export type Charge = { ok: boolean; info: RateInfo; headers: Record<string, string> };

export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();
  /** Set by `setRemaining`: what new budgets start with, until cleared. */
  private startRemaining: number | null = null;

  constructor(readonly limit: number, private readonly now: () => number = Date.now) {}

  private budget(token: string): Budget {
    const now = this.now();
    let b = this.budgets.get(token);
    if (b === undefined || now >= b.resetAt) {
      const used = this.startRemaining === null ? 0 : Math.max(0, this.limit - this.startRemaining);
      b = { used, resetAt: Math.ceil((now + HOUR) / 1000) * 1000 }; // whole seconds, like GitHub
      this.budgets.set(token, b);
    }
    return b;
  }

  /** Spend `cost` points (none when `dryRun`); refused, spending nothing, when fewer remain. */
  charge(token: string, cost: number, nodeCount: number, dryRun: boolean): Charge {
    const b = this.budget(token);
    const ok = this.limit - b.used >= cost;
    if (ok && !dryRun) b.used += cost;
    return { ok, info: this.info(b, cost, nodeCount), headers: this.headers(b) };
  }

  /** The current state without spending (for responses that cost nothing). */
  peek(token: string): Charge {
    const b = this.budget(token);
    return { ok: this.limit > b.used, info: this.info(b, 0, 0), headers: this.headers(b) };
  }

  /** Make every token's budget (and that of tokens first seen later) have `remaining` points left. */
  setRemaining(remaining: number): void {
    const n = Math.max(0, Math.min(this.limit, Math.floor(remaining)));
    this.startRemaining = n;
    for (const b of this.budgets.values()) b.used = this.limit - n;
  }

  reset(): void {
    this.budgets.clear();
    this.startRemaining = null;
  }

  private info(b: Budget, cost: number, nodeCount: number): RateInfo {
    return {
      cost,
      limit: this.limit,
      remaining: Math.max(0, this.limit - b.used),
      used: b.used,
      resetAt: new Date(b.resetAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      nodeCount,
    };
  }

  private headers(b: Budget): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(Math.max(0, this.limit - b.used)),
      "x-ratelimit-reset": String(Math.ceil(b.resetAt / 1000)),
      "x-ratelimit-used": String(b.used),
      "x-ratelimit-resource": "graphql",
    };
  }
}
