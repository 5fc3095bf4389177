import type { GitHubClient, RateLimit } from "@/lib/github/client";
import { ISSUES_QUERY, pullsQuery, REWARDS_QUERY, type ActorNode, type IssueNode, type PullNode, type RewardNode, type SearchPage } from "./queries";
import type { GhActor, GhComment, GhIssue, GhPullRequest } from "./types";

/** GitHub's search returns at most 1,000 results per query: larger ranges are sliced. */
export const SEARCH_CAP = 1000;

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export function toActor(node: ActorNode): GhActor | null {
  if (!node?.login) return null;
  const isBot = node.__typename === "Bot";
  return {
    // GraphQL gives bots without the `[bot]` suffix that REST and webhooks use.
    login: isBot && !node.login.endsWith("[bot]") ? `${node.login}[bot]` : node.login,
    databaseId: node.databaseId ?? null,
    name: node.name ?? null,
    avatarUrl: node.avatarUrl ?? null,
    isBot,
  };
}

const isNode = <N extends { number: number }>(n: N | Record<string, never> | null): n is N =>
  n !== null && typeof (n as { number?: unknown }).number === "number";

export function toPull(n: PullNode, comments: GhComment[] = []): GhPullRequest {
  return {
    repo: n.repository.nameWithOwner,
    number: n.number,
    nodeId: n.id,
    url: n.url,
    title: n.title ?? "",
    body: n.body ?? "",
    labels: [],
    state: n.state,
    author: toActor(n.author),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    mergedAt: n.mergedAt,
    mergedBy: n.mergedBy?.login ?? null,
    closingIssues: (n.closingIssuesReferences?.nodes ?? [])
      .filter((c): c is { number: number; repository: { nameWithOwner: string } } => c !== null)
      .map((c) => ({ repo: c.repository.nameWithOwner, number: c.number })),
    comments,
  };
}

export function toIssue(n: IssueNode): GhIssue {
  return {
    repo: n.repository.nameWithOwner,
    number: n.number,
    nodeId: n.id,
    url: n.url,
    title: n.title ?? "",
    body: n.body ?? "",
    labels: (n.labels?.nodes ?? []).filter((l): l is { name: string } => l !== null).map((l) => l.name),
    state: n.state,
    author: toActor(n.author),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    closedAt: n.closedAt,
  };
}

export function toComments(n: RewardNode): GhComment[] {
  return (n.comments.nodes ?? [])
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .map((c) => ({ id: c.id, body: c.body ?? "", createdAt: c.createdAt, author: toActor(c.author) }));
}

type Range = { from: Date; to: Date };

/**
 * Walks a search across a date range, 100 a page, splitting the range in halves while a slice holds
 * more than GitHub's 1,000-result cap. `build` makes the query string for a slice.
 */
async function searchSliced<N extends { number: number }>(
  client: GitHubClient,
  queryText: (first: boolean) => string,
  build: (range: Range) => string,
  range: Range,
  extraVars: (first: boolean) => Record<string, unknown>,
  onPage: (nodes: N[], data: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  let after: string | null = null;
  let first = true;
  for (;;) {
    const data: { search: SearchPage<N>; rateLimit?: RateLimit } & Record<string, unknown> = await client.query(queryText(first), {
      q: build(range),
      after,
      ...extraVars(first),
    });
    const page = data.search;
    if (first && page.issueCount > SEARCH_CAP && range.to.getTime() - range.from.getTime() > 60_000) {
      const mid = new Date(Math.floor((range.from.getTime() + range.to.getTime()) / 2000) * 1000);
      await searchSliced(client, queryText, build, { from: range.from, to: mid }, extraVars, onPage);
      await searchSliced(client, queryText, build, { from: new Date(mid.getTime() + 1000), to: range.to }, extraVars, onPage);
      return;
    }
    await onPage((page.nodes ?? []).filter(isNode), data);
    first = false;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

export type RepoFetch = {
  repo: string;
  /** Merged inside [from, to] (the window plus grace days). */
  merged: Range;
  /** Only what changed since (incremental); null for a full import. */
  since: Date | null;
  taskLabels: string[];
  taskTitlePrefixes: string[];
};

const quote = (s: string) => `"${s.replace(/"/g, "")}"`;

/** The task issues of a repository (by label, and by title prefix), page by page. */
export async function fetchIssues(client: GitHubClient, f: RepoFetch, onPage: (issues: GhIssue[]) => Promise<void>): Promise<void> {
  const since = f.since ? ` updated:>=${iso(f.since)}` : "";
  const queries: string[] = [];
  if (f.taskLabels.length > 0) queries.push(`repo:${f.repo} is:issue label:${f.taskLabels.map(quote).join(",")}${since} sort:updated-asc`);
  for (const prefix of f.taskTitlePrefixes) queries.push(`repo:${f.repo} is:issue in:title ${quote(prefix)}${since} sort:updated-asc`);
  const all: Range = { from: new Date("2008-01-01T00:00:00Z"), to: new Date(Date.now() + 86_400_000) };
  for (const base of queries) {
    await searchSliced<IssueNode>(
      client,
      () => ISSUES_QUERY,
      (r) => (r.from.getTime() === all.from.getTime() && r.to.getTime() === all.to.getTime() ? base : `${base} created:${iso(r.from)}..${iso(r.to)}`),
      all,
      () => ({}),
      (nodes) => onPage(nodes.map(toIssue)),
    );
  }
}

/** Pull requests merged in the window, with the comments of those carrying a `/reward`, page by page. */
export async function fetchPulls(client: GitHubClient, f: RepoFetch, onPage: (pulls: GhPullRequest[]) => Promise<void>): Promise<void> {
  const since = f.since ? ` updated:>=${iso(f.since)}` : "";
  const build = (r: Range) => `repo:${f.repo} is:pr is:merged merged:${iso(r.from)}..${iso(r.to)}${since} sort:updated-asc`;
  const rewardsQ = `repo:${f.repo} is:pr is:merged ${quote("/reward")} in:comments merged:${iso(f.merged.from)}..${iso(f.merged.to)}${since}`;
  const rewarded = new Map<string, GhComment[]>();
  const keep = (nodes: (RewardNode | Record<string, never> | null)[] | null) => {
    for (const r of (nodes ?? []).filter(isNode)) rewarded.set(`${r.repository.nameWithOwner.toLowerCase()}#${r.number}`, toComments(r));
  };
  let rewardsKnown = false;
  await searchSliced<PullNode>(
    client,
    (first) => pullsQuery(first && !rewardsKnown),
    build,
    f.merged,
    (first) => (first && !rewardsKnown ? { rewardsQ } : {}),
    async (nodes, data) => {
      const rewards = data.rewards as SearchPage<RewardNode> | undefined;
      if (rewards && !rewardsKnown) {
        // The first page carries the first 20 rewarded PRs; fetch any others before storing anything.
        keep(rewards.nodes);
        let after = rewards.pageInfo.hasNextPage ? rewards.pageInfo.endCursor : null;
        while (after) {
          const more = await client.query<{ search: SearchPage<RewardNode>; rateLimit?: RateLimit }>(REWARDS_QUERY, { q: rewardsQ, after });
          keep(more.search.nodes);
          after = more.search.pageInfo.hasNextPage ? more.search.pageInfo.endCursor : null;
        }
        rewardsKnown = true;
      }
      await onPage(nodes.map((n) => toPull(n, rewarded.get(`${n.repository.nameWithOwner.toLowerCase()}#${n.number}`) ?? [])));
    },
  );
}
