import type { GhActor, GhIssue, GhPullRequest, IngestBatch } from "@/lib/sync/types";

/**
 * GitHub objects as the importer receives them (`lib/sync/types.ts`), with sensible defaults, for tests
 * that build data through `ingest` (test/factories/db.ts). Unique numbers and ids come from one counter.
 */
let counter = 0;
/** A number no other factory call in this process has handed out (from 1, or after `startAt`). */
export const nextUnique = () => ++counter;
/** Moves the counter (e2e workers share a database: each starts its own block). */
export function startUniqueAt(n: number): void {
  counter = Math.max(counter, n);
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** GitHub ids above any the demo program, the fake GitHub or a test's own fixtures hand out. */
const FACTORY_GITHUB_IDS = 5_000_000_000;

export function ghActor(login: string, overrides: Partial<GhActor> = {}): GhActor {
  return { login, databaseId: FACTORY_GITHUB_IDS + nextUnique(), name: null, avatarUrl: null, isBot: login.endsWith("[bot]"), ...overrides };
}

/** An issue: open, labelled as given, updated now unless said otherwise (so it is newer than what is stored). */
export function ghIssue(overrides: Partial<GhIssue> & { repo: string }): GhIssue {
  const number = overrides.number ?? nextUnique();
  return {
    number,
    title: `Task ${number}`,
    body: "",
    labels: [],
    state: "OPEN",
    author: null,
    createdAt: "2020-01-01T00:00:00Z",
    updatedAt: iso(Date.now()),
    closedAt: null,
    ...overrides,
  };
}

/** A pull request: merged at `mergedAt` when given (open otherwise), closing `closingIssues`. */
export function ghPull(overrides: Partial<GhPullRequest> & { repo: string }): GhPullRequest {
  const number = overrides.number ?? nextUnique();
  const mergedAt = overrides.mergedAt ?? null;
  const closing = overrides.closingIssues ?? [];
  return {
    number,
    title: `Pull request ${number}`,
    body: closing.map((c) => `Closes ${c.repo}#${c.number}`).join("\n"),
    labels: [],
    state: mergedAt ? "MERGED" : "OPEN",
    author: null,
    createdAt: mergedAt ? iso(Date.parse(mergedAt) - DAY) : "2020-01-01T00:00:00Z",
    updatedAt: iso(Date.now()),
    mergedAt,
    mergedBy: null,
    closingIssues: closing,
    comments: [],
    ...overrides,
  };
}

export const batchOf = (parts: Partial<IngestBatch>): IngestBatch => ({ issues: parts.issues ?? [], pullRequests: parts.pullRequests ?? [] });
