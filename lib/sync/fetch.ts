import type { GitHubClient, RateLimit } from "@/lib/github/client";
import {
  COMMENT_BATCH,
  COMMENTS_PAGE,
  ISSUES_QUERY,
  pullsQuery,
  rewardCommentsQuery,
  REWARDS_QUERY,
  VOID_SEARCHES_INLINE,
  VOIDED_QUERY,
  type VoidedNode,
  type ActorNode,
  type CommentPage,
  type IssueNode,
  type PullNode,
  type RewardCommentsNode,
  type RewardNode,
  type SearchPage,
} from "./queries";
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

/** The fields an issue node and a pull request node give alike. */
function itemOf(n: PullNode | IssueNode) {
  return {
    repo: n.repository.nameWithOwner,
    number: n.number,
    nodeId: n.id,
    url: n.url,
    title: n.title ?? "",
    body: n.body ?? "",
    author: toActor(n.author),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export function toPull(n: PullNode, comments: GhComment[] = []): GhPullRequest {
  return {
    ...itemOf(n),
    // The search gives no labels (see `withVoidLabels`): the stored ones are kept.
    labels: [],
    labelsPartial: { without: [] },
    state: n.state,
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
    ...itemOf(n),
    labels: (n.labels?.nodes ?? []).filter((l): l is { name: string } => l !== null).map((l) => l.name),
    state: n.state,
    closedAt: n.closedAt,
  };
}

export function toComments(page: CommentPage): GhComment[] {
  return (page.nodes ?? [])
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .map((c) => ({ id: c.id, body: c.body ?? "", createdAt: c.createdAt, author: toActor(c.author) }));
}

/** Each comment once (the first and last pages, and earlier pages, may overlap). */
const uniqueComments = (list: GhComment[]): GhComment[] => [...new Map(list.map((c) => [c.id, c])).values()];

/** A pull request whose comments before `cursor` are still to be read, down to any of the `known` ones. */
export type CommentCursor = { id: string; cursor: string; known?: ReadonlySet<string> };

/**
 * Every comment before each cursor, by PR node id (oldest first): 100 comments of 50 PRs a query (1 point),
 * each PR paged back from its own cursor until its first comment or one it already has. A cursor that does
 * not move ends that PR.
 */
export async function fetchEarlierComments(client: GitHubClient, pending: readonly CommentCursor[]): Promise<Map<string, GhComment[]>> {
  const out = new Map<string, GhComment[]>();
  let queue = [...pending];
  while (queue.length > 0) {
    const batch = queue.slice(0, COMMENT_BATCH);
    const next: CommentCursor[] = [];
    const variables = Object.fromEntries(batch.flatMap((p, i) => [[`i${i}`, p.id], [`b${i}`, p.cursor]]));
    const data = await client.query<Record<string, RewardCommentsNode> & { rateLimit?: RateLimit }>(rewardCommentsQuery(batch.length), variables);
    batch.forEach((p, i) => {
      const node = data[`p${i}`];
      if (!node || !("comments" in node)) return;
      const page = toComments(node.comments);
      out.set(p.id, [...page, ...(out.get(p.id) ?? [])]);
      const { hasPreviousPage, startCursor } = node.comments.pageInfo;
      const reachedKnown = page.some((c) => p.known?.has(c.id));
      if (hasPreviousPage && startCursor && startCursor !== p.cursor && !reachedKnown) next.push({ ...p, cursor: startCursor });
    });
    queue = [...queue.slice(COMMENT_BATCH), ...next];
  }
  return out;
}

type Range = { from: Date; to: Date };

/**
 * Walks a search to its end, 100 a page, oldest first by creation time. GitHub stops a search after 1,000
 * results, so when a search holds more, it goes on with a new search from the creation time of the last
 * result it got (`created:>=`), skipping the few results of that same second it already has. Every page
 * fetched carries new results: the cost is one point per 100, however large the repository.
 */
async function searchAll<N extends { number: number; createdAt: string }>(
  client: GitHubClient,
  queryText: (first: boolean) => string,
  base: string,
  extraVars: (first: boolean) => Record<string, unknown>,
  onPage: (nodes: N[], data: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  let from: string | null = null;
  /** The results created in the second the search starts from, which an earlier search already delivered. */
  let delivered = new Set<number>();
  let first = true;
  for (;;) {
    const q = `${base}${from ? ` created:>=${from}` : ""} sort:created-asc`;
    let after: string | null = null;
    let got = 0;
    let total = 0;
    let fresh = 0;
    let lastSecond: string | null = null;
    let inLastSecond = new Set<number>();
    for (;;) {
      const data: { search: SearchPage<N>; rateLimit?: RateLimit } & Record<string, unknown> = await client.query(queryText(first), {
        q,
        after,
        ...extraVars(first),
      });
      first = false;
      const page = data.search;
      total = page.issueCount;
      const nodes = (page.nodes ?? []).filter(isNode);
      got += nodes.length;
      const mine: N[] = [];
      for (const n of nodes) {
        const second = iso(new Date(n.createdAt));
        if (second !== lastSecond) {
          lastSecond = second;
          inLastSecond = second === from ? new Set(delivered) : new Set();
        }
        inLastSecond.add(n.number);
        if (second === from && delivered.has(n.number)) continue;
        mine.push(n);
      }
      fresh += mine.length;
      if (mine.length > 0 || data.rewards) await onPage(mine, data);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    // Done, unless GitHub stopped at its cap with results left (and the last search still made progress).
    if (got >= total || fresh === 0 || lastSecond === null) return;
    from = lastSecond;
    delivered = inLastSecond;
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
  /** Labels that void a PR (`voidLabels`): which merged PRs carry them is searched for, label by label. */
  voidLabels?: string[];
};

const quote = (s: string) => `"${s.replace(/"/g, "")}"`;

/** The task issues of a repository (by label, and by title prefix), page by page. */
export async function fetchIssues(client: GitHubClient, f: RepoFetch, onPage: (issues: GhIssue[]) => Promise<void>): Promise<void> {
  const since = f.since ? ` updated:>=${iso(f.since)}` : "";
  const queries: string[] = [];
  if (f.taskLabels.length > 0) queries.push(`repo:${f.repo} is:issue label:${f.taskLabels.map(quote).join(",")}${since}`);
  for (const prefix of f.taskTitlePrefixes) queries.push(`repo:${f.repo} is:issue in:title ${quote(prefix)}${since}`);
  for (const base of queries) {
    await searchAll<IssueNode>(client, () => ISSUES_QUERY, base, () => ({}), (nodes) => onPage(nodes.map(toIssue)));
  }
}

/** A registration's sign-up issues (title starting with the prefix) that changed since `since`, page by page. */
export async function fetchSignUps(client: GitHubClient, f: { repo: string; titlePrefix: string; since: Date | null }, onPage: (issues: GhIssue[]) => Promise<void>): Promise<void> {
  const since = f.since ? ` updated:>=${iso(f.since)}` : "";
  await searchAll<IssueNode>(client, () => ISSUES_QUERY, `repo:${f.repo} is:issue in:title ${quote(f.titlePrefix)}${since}`, () => ({}), (nodes) => onPage(nodes.map(toIssue)));
}

/**
 * Pull requests merged in the window, with every comment of those carrying a `/reward` (their first and last 100
 * in the search, any between paged by `fetchEarlierComments`), page by page.
 */
export async function fetchPulls(client: GitHubClient, f: RepoFetch, onPage: (pulls: GhPullRequest[]) => Promise<void>): Promise<void> {
  const since = f.since ? ` updated:>=${iso(f.since)}` : "";
  const base = `repo:${f.repo} is:pr is:merged merged:${iso(f.merged.from)}..${iso(f.merged.to)}${since}`;
  const rewardsQ = `repo:${f.repo} is:pr is:merged ${quote("/reward")} in:comments merged:${iso(f.merged.from)}..${iso(f.merged.to)}${since}`;
  const rewarded = new Map<string, GhComment[]>();
  /** Rewarded PRs with more comments than their first page held: the `/reward` may be further back. */
  const earlier: (CommentCursor & { key: string })[] = [];
  const keep = (nodes: (RewardNode | Record<string, never> | null)[] | null) => {
    for (const r of (nodes ?? []).filter(isNode)) {
      const key = `${r.repository.nameWithOwner.toLowerCase()}#${r.number}`;
      const head = toComments(r.firstComments);
      rewarded.set(key, uniqueComments([...head, ...toComments(r.comments)]));
      const { hasPreviousPage, startCursor } = r.comments.pageInfo;
      const total = r.comments.totalCount ?? Infinity;
      if (hasPreviousPage && startCursor && total > 2 * COMMENTS_PAGE) {
        earlier.push({ key, id: r.id, cursor: startCursor, known: new Set(head.map((c) => c.id)) });
      }
    }
  };
  let rewardsKnown = false;
  const voidQs = (f.voidLabels ?? []).map((l) => `repo:${f.repo} is:pr is:merged label:${quote(l)} merged:${iso(f.merged.from)}..${iso(f.merged.to)}${since}`);
  const inline = voidQs.slice(0, VOID_SEARCHES_INLINE);
  /** Per void label (lower-case), the `repo#number`s of the merged PRs carrying it. */
  const voided = new Map<string, Set<string>>();
  await searchAll<PullNode>(
    client,
    (first) => pullsQuery(first && !rewardsKnown, inline.length),
    base,
    (first) => (first && !rewardsKnown ? { rewardsQ, ...Object.fromEntries(inline.map((q, i) => [`v${i}`, q])) } : {}),
    async (nodes, data) => {
      const rewards = data.rewards as SearchPage<RewardNode> | undefined;
      if (rewards && !rewardsKnown) {
        await collectVoided(client, f.voidLabels ?? [], voidQs, data, voided);
        // The first page carries the first 20 rewarded PRs; fetch any others before storing anything.
        keep(rewards.nodes);
        let after = rewards.pageInfo.hasNextPage ? rewards.pageInfo.endCursor : null;
        while (after) {
          const more = await client.query<{ search: SearchPage<RewardNode>; rateLimit?: RateLimit }>(REWARDS_QUERY, { q: rewardsQ, after });
          keep(more.search.nodes);
          after = more.search.pageInfo.hasNextPage ? more.search.pageInfo.endCursor : null;
        }
        const older = await fetchEarlierComments(client, earlier);
        for (const e of earlier) rewarded.set(e.key, uniqueComments([...(older.get(e.id) ?? []), ...(rewarded.get(e.key) ?? [])]));
        rewardsKnown = true;
      }
      await onPage(nodes.map((n) => withVoidLabels(toPull(n, rewarded.get(`${n.repository.nameWithOwner.toLowerCase()}#${n.number}`) ?? []), f.voidLabels ?? [], voided)));
    },
  );
}

/**
 * Which merged PRs carry each void label: the first page's inline searches (`v0`…), then any label beyond
 * those and any further page, 100 PRs a query.
 */
async function collectVoided(client: GitHubClient, labels: readonly string[], queries: readonly string[], first: Record<string, unknown>, out: Map<string, Set<string>>): Promise<void> {
  for (const [i, q] of queries.entries()) {
    const set = new Set<string>();
    out.set(labels[i]!.toLowerCase(), set);
    let page = first[`v${i}`] as SearchPage<VoidedNode> | undefined;
    if (!page) page = (await client.query<{ search: SearchPage<VoidedNode>; rateLimit?: RateLimit }>(VOIDED_QUERY, { q, after: null })).search;
    for (;;) {
      for (const n of (page.nodes ?? []).filter(isNode)) set.add(`${n.repository.nameWithOwner.toLowerCase()}#${n.number}`);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      page = (await client.query<{ search: SearchPage<VoidedNode>; rateLimit?: RateLimit }>(VOIDED_QUERY, { q, after: page.pageInfo.endCursor })).search;
    }
  }
}

/** The PR's void labels as the searches found them: those it carries, and the others it is known not to. */
function withVoidLabels(pr: GhPullRequest, labels: readonly string[], voided: Map<string, Set<string>>): GhPullRequest {
  if (labels.length === 0) return pr;
  const key = `${pr.repo.toLowerCase()}#${pr.number}`;
  const carried = labels.filter((l) => voided.get(l.toLowerCase())?.has(key));
  return { ...pr, labels: carried, labelsPartial: { without: labels.filter((l) => !carried.includes(l)) } };
}
