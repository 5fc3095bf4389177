import type { Fixture, FixtureIssue, FixturePullRequest, FixtureSeason } from "@/demo/program/fixture";

/**
 * A small, hand-written program in the demo fixture's shape (load it with `applyDemoProgram` and
 * `ingest(db, fixtureToBatch(...))`), so a test can work out by hand what each participant should get.
 */
export type SmallTask = { number: number; difficulty: string };
export type SmallMerge = { author: string; task: number; mergedAt: string };

export function smallProgram(opts: { repo: string; logins: string[]; seasons: FixtureSeason[]; tasks: SmallTask[]; merges: SmallMerge[] }): Fixture {
  const maintainer = "small-maintainer";
  const users = [maintainer, ...opts.logins].map((login, i) => ({
    login,
    databaseId: 9_100_000 + i,
    name: null,
    avatarUrl: `https://avatars.example/${login}`,
    type: "User" as const,
  }));
  const label = opts.seasons[0]?.taskLabels?.[0] ?? "task";
  const issues: FixtureIssue[] = opts.tasks.map((t) => ({
    repo: opts.repo,
    number: t.number,
    title: `Task ${t.number}`,
    body: "",
    labels: [label, `difficulty/${t.difficulty}`],
    state: "OPEN",
    author: maintainer,
    createdAt: "2020-01-01T00:00:00Z",
    updatedAt: "2020-01-01T00:00:00Z",
    closedAt: null,
  }));
  const first = Math.max(...opts.tasks.map((t) => t.number)) + 1;
  const pullRequests: FixturePullRequest[] = opts.merges.map((m, i) => ({
    repo: opts.repo,
    number: first + i,
    title: `Work on task ${m.task}`,
    body: `Closes #${m.task}`,
    labels: [],
    state: "MERGED",
    author: m.author,
    createdAt: new Date(Date.parse(m.mergedAt) - 86_400_000).toISOString(),
    updatedAt: m.mergedAt,
    mergedAt: m.mergedAt,
    mergedBy: maintainer,
    closingIssues: [m.task],
    comments: [],
  }));
  return {
    users,
    repos: [{ nameWithOwner: opts.repo, databaseId: 9_200_000, description: "" }],
    issues,
    pullRequests,
    seasons: opts.seasons,
    admins: [maintainer],
    demoIdentities: [],
  };
}
