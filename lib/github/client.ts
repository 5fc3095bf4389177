import { graphql, GraphqlResponseError } from "@octokit/graphql";
import { redact } from "@/lib/security/redact";
import type { TokenSource } from "./app-auth";

/** @octokit/request's HttpError, recognised by shape (its class lives in a transitive package). */
type HttpError = Error & { status: number; response?: { headers: Record<string, string | number | undefined> } };
const isHttpError = (e: unknown): e is HttpError =>
  e instanceof Error && e.name === "HttpError" && typeof (e as { status?: unknown }).status === "number";

/** What the importer tells its caller while it waits or retries. */
export type ClientEvent =
  | { kind: "retry"; attempt: number; waitMs: number; reason: string }
  | { kind: "rate-limit-wait"; until: Date; waitMs: number }
  | { kind: "secondary-limit"; waitMs: number };

export type GitHubClientOptions = {
  /** The GraphQL endpoint, e.g. https://api.github.com/graphql. */
  url: string;
  /** A fixed token (`GITHUB_TOKEN`), or a source that renews one (a GitHub App's installation tokens). */
  token: string | TokenSource;
  onEvent?: (event: ClientEvent) => void;
  /** Injected by tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
  maxRetries?: number;
  timeoutMs?: number;
  /** Refuse to wait longer than this for a rate-limit reset (default 1 h). */
  maxWaitMs?: number;
};

export type RateLimit = { cost: number; remaining: number; resetAt: string };

/** An importer failure, for the operator and the sync history: its message is redacted (it may quote GitHub or fetch). */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly code: "auth" | "rate-limited" | "graphql" | "http" | "network",
  ) {
    super(redact(message));
    this.name = "GitHubError";
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A GraphQL client for the importer: retries with backoff on 5xx and network errors, honours
 * `retry-after` on secondary limits, waits for the reset when the primary limit is spent, and counts
 * the points each query cost (every query asks for `rateLimit { cost remaining resetAt }`).
 */
export function createGitHubClient(options: GitHubClientOptions) {
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 5;
  const maxWaitMs = options.maxWaitMs ?? 3_600_000;
  const source = typeof options.token === "string" ? null : options.token;
  const fixed = typeof options.token === "string" ? options.token : "";
  const request = graphql.defaults({ url: options.url });
  const stats = { queries: 0, cost: 0, remaining: null as number | null, resetAt: null as string | null };

  async function query<T extends { rateLimit?: RateLimit | null }>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      try {
        const token = source ? await source.token() : fixed;
        const headers = { authorization: `bearer ${token}` };
        const data = await request<T>(text, { ...variables, headers, request: { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) } });
        stats.queries += 1;
        if (data.rateLimit) {
          stats.cost += data.rateLimit.cost;
          stats.remaining = data.rateLimit.remaining;
          stats.resetAt = data.rateLimit.resetAt;
        }
        return data;
      } catch (error) {
        // The credential itself could not be had (the App's JWT refused, no installation): no retry helps.
        if (error instanceof GitHubError) throw error;
        // An installation token GitHub no longer takes (expired early, revoked): one new token, one more try.
        if (source && !refreshed && isHttpError(error) && error.status === 401) {
          refreshed = true;
          await source.refresh();
          continue;
        }
        const wait = await classify(error, attempt);
        if (wait === null) throw toGitHubError(error);
        await sleep(wait);
      }
    }
  }

  async function classify(error: unknown, attempt: number): Promise<number | null> {
    if (error instanceof GraphqlResponseError) {
      const limited = error.errors?.some((e) => e.type === "RATE_LIMITED");
      if (!limited) return null;
      return waitForReset(error.headers["x-ratelimit-reset"], stats.resetAt);
    }
    if (isHttpError(error)) {
      const headers = error.response?.headers ?? {};
      if (error.status === 401) return null;
      if (error.status === 403 || error.status === 429) {
        const retryAfter = headers["retry-after"] === undefined ? NaN : Number(headers["retry-after"]);
        if (Number.isFinite(retryAfter) && retryAfter >= 0) {
          const waitMs = retryAfter * 1000;
          options.onEvent?.({ kind: "secondary-limit", waitMs });
          return attempt > maxRetries ? null : waitMs;
        }
        if (headers["x-ratelimit-remaining"] === "0") return waitForReset(headers["x-ratelimit-reset"], stats.resetAt);
        return null;
      }
      if (error.status >= 500 || error.status === 0) return backoff(attempt, `HTTP ${error.status}`);
      return null;
    }
    // Network errors and timeouts.
    return backoff(attempt, (error as Error)?.name === "TimeoutError" ? "timeout" : "network error");
  }

  function backoff(attempt: number, reason: string): number | null {
    if (attempt > maxRetries) return null;
    const waitMs = Math.min(30_000, 500 * 2 ** (attempt - 1));
    options.onEvent?.({ kind: "retry", attempt, waitMs, reason });
    return waitMs;
  }

  function waitForReset(resetHeader: string | number | undefined, resetAt: string | null): number | null {
    const epoch = Number(resetHeader);
    const until = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : resetAt ? new Date(resetAt) : new Date(Date.now() + 60_000);
    const waitMs = Math.max(1000, until.getTime() - Date.now() + 1000);
    if (waitMs > maxWaitMs) return null;
    options.onEvent?.({ kind: "rate-limit-wait", until, waitMs });
    return waitMs;
  }

  return { query, stats };
}

export type GitHubClient = ReturnType<typeof createGitHubClient>;

function toGitHubError(error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  if (error instanceof GraphqlResponseError) {
    const limited = error.errors?.some((e) => e.type === "RATE_LIMITED");
    return new GitHubError(
      limited ? "GitHub's rate limit is spent and the reset is too far away" : `GitHub refused the query: ${error.errors?.map((e) => e.message).join("; ")}`,
      limited ? "rate-limited" : "graphql",
    );
  }
  if (isHttpError(error)) {
    if (error.status === 401) return new GitHubError("GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN (or the GitHub App's installation)", "auth");
    if (error.status === 403) return new GitHubError(`GitHub refused the request (403): ${error.message}`, "rate-limited");
    return new GitHubError(`GitHub answered HTTP ${error.status} after retries`, "http");
  }
  return new GitHubError(`could not reach GitHub: ${(error as Error)?.message ?? String(error)}`, "network");
}
