import type { Fixture, FixtureIssue, FixturePullRequest, FixtureUser } from "@/demo/program/fixture";

/**
 * A large, deterministic, valid fixture for tests and benchmarks of the fake (and of the importer against it):
 * `pullRequests` PRs and `issues` issues spread round-robin over `repos`, one hour apart from `start`; two in three
 * PRs merged (a day after creation) and each closing the issue of the same index when there is one.
 */
export type SyntheticOptions = {
  repos?: string[];
  pullRequests?: number;
  issues?: number;
  users?: number;
  /** ISO date-time of the first item (default 2020-01-01T00:00:00Z). */
  start?: string;
  /** Comments per pull request (default 2). */
  comments?: number;
};

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function syntheticFixture(options: SyntheticOptions = {}): Fixture {
  const repos = options.repos ?? ["synth/alpha", "synth/beta"];
  const start = Date.parse(options.start ?? "2020-01-01T00:00:00Z");
  const nUsers = Math.max(1, options.users ?? 50);
  const nComments = options.comments ?? 2;
  const users: FixtureUser[] = Array.from({ length: nUsers }, (_, i) => ({
    login: `user-${i}`,
    databaseId: 1000 + i,
    name: i % 3 === 0 ? null : `User ${i}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${1000 + i}?v=4`,
    type: "User" as const,
  }));
  users.push({ login: "synth-bot[bot]", databaseId: 999, name: null, avatarUrl: "https://avatars.githubusercontent.com/in/999?v=4", type: "Bot" });
  const login = (i: number) => users[i % nUsers]?.login ?? "user-0";
  const nextNumber = new Map<string, number>();
  const take = (repo: string) => {
    const n = (nextNumber.get(repo) ?? 0) + 1;
    nextNumber.set(repo, n);
    return n;
  };

  const issues: FixtureIssue[] = [];
  for (let i = 0; i < (options.issues ?? 0); i++) {
    const repo = repos[i % repos.length] ?? "synth/alpha";
    const created = start + i * HOUR;
    const closed = i % 2 === 0 ? iso(created + 48 * HOUR) : null;
    issues.push({
      repo, number: take(repo), title: `Task ${i}: improve component ${i % 17}`, body: `## Score\n\n- ${100 * (1 + (i % 3))}\n`,
      labels: i % 4 === 0 ? ["challenge", "difficulty/easy"] : ["challenge"], state: closed ? "CLOSED" : "OPEN",
      author: login(i + 1), createdAt: iso(created), updatedAt: closed ?? iso(created + HOUR), closedAt: closed,
    });
  }

  const pullRequests: FixturePullRequest[] = [];
  for (let i = 0; i < (options.pullRequests ?? 1000); i++) {
    const repo = repos[i % repos.length] ?? "synth/alpha";
    const created = start + i * HOUR;
    const merged = i % 3 !== 2;
    const mergedAt = merged ? iso(created + 24 * HOUR) : null;
    const issue = issues[i];
    const closing = issue !== undefined && issue.repo === repo ? [issue.number] : [];
    pullRequests.push({
      repo, number: take(repo), title: `component ${i % 17}: change number ${i}`,
      body: closing.length > 0 ? `Close #${closing[0]}` : "A change.",
      labels: i % 5 === 0 ? ["challenge"] : [], state: merged ? "MERGED" : i % 3 === 2 && i % 2 === 0 ? "OPEN" : "CLOSED",
      author: i % 50 === 49 ? "synth-bot[bot]" : login(i), createdAt: iso(created),
      updatedAt: iso(created + 25 * HOUR), mergedAt, mergedBy: merged ? login(i + 7) : null, closingIssues: closing,
      comments: Array.from({ length: nComments }, (_, j) => ({
        id: `IC_synth_${i}_${j}`, author: login(i + j + 1), body: j === 0 ? "Looks good to me." : `/reward ${10 * (j + 1)}`,
        createdAt: iso(created + (j + 1) * HOUR),
      })),
    });
  }
  return {
    users,
    repos: repos.map((nameWithOwner, i) => ({ nameWithOwner, databaseId: 500_000 + i, description: `Synthetic ${nameWithOwner}` })),
    issues,
    pullRequests,
    seasons: [],
    admins: ["user-0"],
    demoIdentities: [{ login: "user-1", role: "participant" }],
  };
}
