import type { Fixture, FixtureIssue, FixturePullRequest, FixtureRepo, FixtureUser } from "@/demo/program/fixture";
import { hashId } from "./ids";

/**
 * Indexes over the live fixture, rebuilt only when it changes. Appending to or replacing one of the fixture's
 * arrays is noticed on the next request (lengths and array identities are compared, O(1)); after editing an item
 * in place, call `touch()`.
 */

export type RepoIndex = {
  repo: FixtureRepo;
  owner: string;
  name: string;
  /** Oldest first (createdAt, then number). */
  issues: FixtureIssue[];
  pullRequests: FixturePullRequest[];
  issueByNumber: Map<number, FixtureIssue>;
  pullRequestByNumber: Map<number, FixturePullRequest>;
};

export type Index = {
  repos: Map<string, RepoIndex>;
  users: Map<string, FixtureUser>;
  /** A cache for lists derived from this index (filtered, sorted); dropped with it. */
  memo<T>(key: string, build: () => T): T;
};

const MEMO_LIMIT = 64;

export const repoKey = (nameWithOwner: string) => nameWithOwner.toLowerCase();

export function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Sorts by a numeric key computed once per item (dates parsed once, not per comparison). */
export function sortByKey<T>(items: readonly T[], key: (item: T) => number, tie: (item: T) => number): T[] {
  const keyed = items.map((item) => ({ item, k: key(item), t: tie(item) }));
  keyed.sort((a, b) => a.k - b.k || a.t - b.t);
  return keyed.map((x) => x.item);
}

export class FixtureStore {
  private version = 0;
  private signature: unknown[] = [];
  private current: Index | null = null;

  constructor(private readonly source: () => Fixture) {}

  get fixture(): Fixture {
    return this.source();
  }

  /** Invalidate every index and cache: call after editing fixture items in place. */
  touch(): void {
    this.version += 1;
  }

  get index(): Index {
    const f = this.source();
    const signature = [f, f.users, f.users.length, f.repos, f.repos.length, f.issues, f.issues.length,
      f.pullRequests, f.pullRequests.length, this.version];
    const same = this.current !== null && signature.every((v, i) => Object.is(v, this.signature[i]));
    if (!same) {
      this.current = buildIndex(f);
      this.signature = signature;
    }
    if (this.current === null) throw new Error("fake GitHub: index missing");
    return this.current;
  }

  repo(nameWithOwner: string): RepoIndex | undefined {
    return this.index.repos.get(repoKey(nameWithOwner));
  }

  user(login: string): FixtureUser | undefined {
    return this.index.users.get(login.toLowerCase());
  }
}

function buildIndex(f: Fixture): Index {
  const repos = new Map<string, RepoIndex>();
  const ensure = (nameWithOwner: string): RepoIndex => {
    const key = repoKey(nameWithOwner);
    let r = repos.get(key);
    if (r === undefined) {
      // Items of a repository the fixture does not list still get one (lenient for synthetic fixtures).
      const repo = f.repos.find((x) => repoKey(x.nameWithOwner) === key)
        ?? { nameWithOwner, databaseId: hashId(`repo:${key}`), description: "" };
      const [owner = "", name = ""] = repo.nameWithOwner.split("/");
      r = { repo, owner, name, issues: [], pullRequests: [], issueByNumber: new Map(), pullRequestByNumber: new Map() };
      repos.set(key, r);
    }
    return r;
  };
  for (const repo of f.repos) ensure(repo.nameWithOwner);
  for (const issue of f.issues) {
    const r = ensure(issue.repo);
    r.issues.push(issue);
    r.issueByNumber.set(issue.number, issue);
  }
  for (const pr of f.pullRequests) {
    const r = ensure(pr.repo);
    r.pullRequests.push(pr);
    r.pullRequestByNumber.set(pr.number, pr);
  }
  for (const r of repos.values()) {
    r.issues = sortByKey(r.issues, (x) => time(x.createdAt), (x) => x.number);
    r.pullRequests = sortByKey(r.pullRequests, (x) => time(x.createdAt), (x) => x.number);
  }
  const users = new Map<string, FixtureUser>();
  for (const u of f.users) users.set(u.login.toLowerCase(), u);

  const memo = new Map<string, unknown>();
  return {
    repos,
    users,
    memo<T>(key: string, build: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      const value = build();
      if (memo.size >= MEMO_LIMIT) {
        const oldest = memo.keys().next();
        if (oldest.done !== true) memo.delete(oldest.value);
      }
      memo.set(key, value);
      return value;
    },
  };
}
