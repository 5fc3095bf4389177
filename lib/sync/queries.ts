/**
 * The importer's GraphQL queries. Each asks for `rateLimit` so the cost is counted, and keeps nested
 * connections to one per 100 nodes: GitHub charges a point per 100 requests a query could need.
 */
const ACTOR = `__typename login ... on User { databaseId name avatarUrl } ... on Bot { databaseId avatarUrl }`;

const PULL_FIELDS = `
  id number title body url state createdAt updatedAt mergedAt
  repository { nameWithOwner }
  author { ${ACTOR} }
  mergedBy { login }
  closingIssuesReferences(first: 10) { nodes { number repository { nameWithOwner } } }`;

/** Comments a page: GitHub's maximum. */
export const COMMENTS_PAGE = 100;

export const COMMENT_FIELDS = `pageInfo { hasPreviousPage startCursor } nodes { id body createdAt author { ${ACTOR} } }`;

const REWARD_FIELDS = `
  id
  number
  repository { nameWithOwner }
  firstComments: comments(first: ${COMMENTS_PAGE}) { totalCount ${COMMENT_FIELDS} }
  comments(last: ${COMMENTS_PAGE}) { totalCount ${COMMENT_FIELDS} }`;

/**
 * Merged pull requests, 100 a page (1 point). The first page also asks for the PRs carrying a
 * `/reward` comment (20 of them with their first and last 100 comments: 41 more requests, still 1 point), so
 * only a PR with more than 200 comments needs `rewardCommentsQuery`.
 */
export function pullsQuery(withRewards: boolean, voidSearches = 0): string {
  const voids = withRewards ? Array.from({ length: voidSearches }, (_, i) => i) : [];
  const vars = voids.map((i) => `, $v${i}: String!`).join("");
  return /* GraphQL */ `
  query PodiumPulls($q: String!, $after: String${withRewards ? ", $rewardsQ: String!" : ""}${vars}) {
    rateLimit { cost remaining resetAt }
    search(query: $q, type: ISSUE, first: 100, after: $after) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes { ... on PullRequest { ${PULL_FIELDS} } }
    }
    ${withRewards ? `rewards: search(query: $rewardsQ, type: ISSUE, first: 20) { issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { ${REWARD_FIELDS} } } }` : ""}
    ${voids.map((i) => `v${i}: search(query: $v${i}, type: ISSUE, first: 100) { ${VOIDED_FIELDS} }`).join("\n    ")}
  }`;
}

/**
 * Merged PRs carrying one void label (`voidLabels`: \`invalid\`, \`spam\`), numbers only: one request each. The
 * search nodes give no labels (a labels connection under 100 PRs would double a page's cost), so each void label
 * is its own search, asked on the first page beside the rewards while that stays 1 point (`VOID_SEARCHES_INLINE`).
 */
const VOIDED_FIELDS = `issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { number repository { nameWithOwner } } }`;

/** How many void-label searches ride on the first page (142 requests + these stays under 150: still 1 point). */
export const VOID_SEARCHES_INLINE = 5;

export const VOIDED_QUERY = /* GraphQL */ `
  query PodiumVoided($q: String!, $after: String) {
    rateLimit { cost remaining resetAt }
    search(query: $q, type: ISSUE, first: 100, after: $after) { ${VOIDED_FIELDS} }
  }
`;

export type VoidedNode = { number: number; repository: { nameWithOwner: string } };

/** A paged search for one kind of node: `$q` the search string, `$after` the cursor, the rate limit alongside. */
function pagedSearch(name: string, first: number, kind: "Issue" | "PullRequest", fields: string): string {
  return /* GraphQL */ `
  query ${name}($q: String!, $after: String) {
    rateLimit { cost remaining resetAt }
    search(query: $q, type: ISSUE, first: ${first}, after: $after) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes { ... on ${kind} { ${fields} } }
    }
  }
`;
}

export const REWARDS_QUERY = pagedSearch("PodiumRewards", 20, "PullRequest", REWARD_FIELDS);

/** How many pull requests one `rewardCommentsQuery` pages at once: 50 requests, still 1 point. */
export const COMMENT_BATCH = 50;

/**
 * The comments before `$bN` of the pull requests `$iN` (node ids), 100 each, one aliased `node` per PR so each
 * goes on from its own cursor: for the rewarded PRs with more comments than the first page held. GitHub
 * cannot filter comments by author, so a `/reward` followed by a burst of bot comments is found by paging.
 */
export function rewardCommentsQuery(count: number): string {
  const parts = Array.from(
    { length: count },
    (_, i) => `p${i}: node(id: $i${i}) { ... on PullRequest { id comments(last: ${COMMENTS_PAGE}, before: $b${i}) { ${COMMENT_FIELDS} } } }`,
  );
  const vars = Array.from({ length: count }, (_, i) => `$i${i}: ID!, $b${i}: String`).join(", ");
  return `query PodiumRewardComments(${vars}) {\n  rateLimit { cost remaining resetAt }\n  ${parts.join("\n  ")}\n}`;
}

/** An issue's fields, as the task searches and `fetchIssuesByNumber` read them. */
export const ISSUE_FIELDS = `
  id number title body url state createdAt updatedAt closedAt
  repository { nameWithOwner }
  author { ${ACTOR} }
  labels(first: 30) { nodes { name } }`;

export const ISSUES_QUERY = pagedSearch("PodiumIssues", 100, "Issue", ISSUE_FIELDS);

/** One query for every repository: has anything changed since its watermark? */
export function probeQuery(count: number): string {
  const parts = Array.from({ length: count }, (_, i) => `r${i}: search(query: $q${i}, type: ISSUE, first: 1) { issueCount }`);
  const vars = Array.from({ length: count }, (_, i) => `$q${i}: String!`).join(", ");
  return `query PodiumProbe(${vars}) {\n  rateLimit { cost remaining resetAt }\n  ${parts.join("\n  ")}\n}`;
}

export type ActorNode = {
  __typename: string;
  login: string;
  databaseId?: number | null;
  name?: string | null;
  avatarUrl?: string | null;
} | null;

export type PageInfo = { hasNextPage: boolean; endCursor: string | null };

export type PullNode = {
  id: string;
  number: number;
  title: string;
  body: string;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  repository: { nameWithOwner: string };
  author: ActorNode;
  mergedBy: { login: string } | null;
  closingIssuesReferences: { nodes: ({ number: number; repository: { nameWithOwner: string } } | null)[] | null } | null;
};

export type CommentNode = { id: string; body: string; createdAt: string; author: ActorNode };

export type CommentPage = {
  totalCount?: number;
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: (CommentNode | null)[] | null;
};

export type RewardNode = {
  id: string;
  number: number;
  repository: { nameWithOwner: string };
  firstComments: CommentPage;
  comments: CommentPage;
};

/** One aliased `node` of `rewardCommentsQuery`: null when the PR is gone. */
export type RewardCommentsNode = { id: string; comments: CommentPage } | Record<string, never> | null;

export type IssueNode = {
  id: string;
  number: number;
  title: string;
  body: string;
  url: string;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  repository: { nameWithOwner: string };
  author: ActorNode;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
};

export type SearchPage<N> = { issueCount: number; pageInfo: PageInfo; nodes: (N | Record<string, never> | null)[] | null };
