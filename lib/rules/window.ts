/**
 * Whether a merged pull request counts for a season (contract, "Season file"): merged into a listed repo (or a
 * companion repository, `options.companionRepos`: its PRs complete the listed repositories' tasks) inside [startsAt, endsAt] (both inclusive), or up to `graceDays` days after `endsAt` when the task was
 * picked up or opened inside the window. Dates are compared as instants, so time zones do not matter.
 */

export type Instant = Date | string | null | undefined;

export interface SeasonWindow {
  startsAt: Date;
  endsAt: Date;
  graceDays: number;
  repos: readonly string[];
  /** The season file's second-round fields (a season row's `options`): only `companionRepos` matters here. */
  options?: { companionRepos?: readonly string[] };
}

export interface WindowPullRequest {
  mergedAt: Instant;
  repo: string;
  /**
   * When the pull request was opened (optional). The contract's "a PR for a task picked up or opened inside
   * the window" is read as the task being picked up, or the task or this PR being opened, inside it.
   */
  createdAt?: Instant;
}

export interface WindowTask {
  pickedUpAt?: Instant;
  createdAt?: Instant;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch, or null for missing or unparseable dates. */
export function toInstant(value: Instant): number | null {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function within(value: Instant, from: number, to: number): boolean {
  const ms = toInstant(value);
  return ms !== null && ms >= from && ms <= to;
}

export function countsForSeason(pr: WindowPullRequest, season: SeasonWindow, task?: WindowTask | null): boolean {
  const merged = toInstant(pr.mergedAt);
  const start = toInstant(season.startsAt);
  const end = toInstant(season.endsAt);
  if (merged === null || start === null || end === null) return false;
  const repo = pr.repo.trim().toLowerCase();
  const repos = [...season.repos, ...(season.options?.companionRepos ?? [])];
  if (!repos.some((r) => r.trim().toLowerCase() === repo)) return false;
  if (merged >= start && merged <= end) return true;

  const graceDays = Number.isFinite(season.graceDays) ? Math.max(0, season.graceDays) : 0;
  if (graceDays === 0 || merged < end || merged > end + graceDays * DAY_MS) return false;
  return (
    within(task?.pickedUpAt, start, end) || within(task?.createdAt, start, end) || within(pr.createdAt, start, end)
  );
}
