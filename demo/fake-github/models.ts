import type { FixtureComment, FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { githubError, paginate, type PageArgs } from "./connection";
import { hash32, hashId, itemDatabaseId, nodeId } from "./ids";
import { repoKey, sortByKey, time, type FixtureStore, type RepoIndex } from "./store";

/**
 * The objects GraphQL execution walks: each is a plain object with `__typename` and one entry per implemented
 * field, either a value or a function of the field's arguments. A field GitHub has but the fake does not implement
 * is absent, and asking for it is an execution error naming it (see `fieldResolver`).
 */
export type Model = { readonly __typename: string; readonly [field: string]: unknown };
export type Args = Record<string, unknown>;

export type RateInfo = { cost: number; limit: number; remaining: number; used: number; resetAt: string; nodeCount: number };

export type Ctx = { store: FixtureStore; viewer: string; webUrl: string; rate: RateInfo; localAvatars?: boolean };

const EPOCH = "2012-01-01T00:00:00Z";

export const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
export const strList = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
export const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export function connection<T>(typename: string, all: readonly T[], args: Args, field: string, toModel: (item: T) => Model,
  options: { cap?: number; totalCount?: number; extra?: Record<string, unknown> } = {}): Model {
  const page = paginate(all, args as PageArgs, field, options);
  const edge = typename.replace(/Connection$/, "Edge");
  return {
    __typename: typename,
    ...options.extra,
    totalCount: page.totalCount,
    pageInfo: { __typename: "PageInfo", ...page.pageInfo },
    nodes: () => page.edges.map((e) => toModel(e.node)),
    edges: () => page.edges.map((e) => ({ __typename: edge, cursor: e.cursor, node: toModel(e.node) })),
  };
}

export function actorModel(ctx: Ctx, login: string | null): Model | null {
  if (login === null) return null;
  const user = ctx.store.user(login);
  const isBot = user?.type === "Bot" || login.endsWith("[bot]");
  // GitHub's GraphQL gives a bot's login without the `[bot]` suffix that REST and webhooks show.
  const shown = isBot ? login.replace(/\[bot\]$/, "") : (user?.login ?? login);
  const databaseId = user?.databaseId ?? hashId(`user:${login.toLowerCase()}`);
  const path = isBot ? `/apps/${shown}` : `/${shown}`;
  const common = {
    login: shown,
    databaseId,
    avatarUrl: () => (ctx.localAvatars ? `${ctx.webUrl}/avatars/${encodeURIComponent(shown)}.svg` : (user?.avatarUrl ?? `https://avatars.githubusercontent.com/u/${databaseId}?v=4`)),
    url: `${ctx.webUrl}${path}`,
    resourcePath: path,
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
  if (isBot) return { __typename: "Bot", id: nodeId({ kind: "Bot", login: shown }), ...common };
  return { __typename: "User", id: nodeId({ kind: "User", login: shown }), ...common, name: user?.name ?? null, email: "" };
}

function labelsModel(ctx: Ctx, r: RepoIndex, labels: readonly string[], args: Args): Model {
  return connection("LabelConnection", labels, args, "labels", (name) => ({
    __typename: "Label",
    id: nodeId({ kind: "Label", repo: r.repo.nameWithOwner, name }),
    name,
    color: (hash32(name) & 0xffffff).toString(16).padStart(6, "0"),
    description: null,
    url: `${ctx.webUrl}/${r.repo.nameWithOwner}/labels/${encodeURIComponent(name)}`,
  }));
}

export function commentModel(ctx: Ctx, r: RepoIndex, item: FixtureIssue | FixturePullRequest, c: FixtureComment): Model {
  const pr = "mergedAt" in item ? item : null;
  const databaseId = hashId(`comment:${c.id}`);
  return {
    __typename: "IssueComment",
    id: c.id,
    databaseId,
    body: c.body,
    bodyText: c.body,
    createdAt: c.createdAt,
    updatedAt: c.createdAt,
    publishedAt: c.createdAt,
    lastEditedAt: null,
    isMinimized: false,
    minimizedReason: null,
    author: () => actorModel(ctx, c.author),
    url: `${ctx.webUrl}/${item.repo}/${pr ? "pull" : "issues"}/${item.number}#issuecomment-${databaseId}`,
    repository: () => repositoryModel(ctx, r),
    pullRequest: () => (pr ? pullRequestModel(ctx, r, pr) : null),
    issue: () => (pr ? pullRequestModel(ctx, r, pr) : issueModel(ctx, r, item as FixtureIssue)),
  };
}

/** Fields shared by issues and pull requests. */
function itemFields(ctx: Ctx, r: RepoIndex, item: FixtureIssue | FixturePullRequest, kind: "issues" | "pull") {
  const path = `/${r.repo.nameWithOwner}/${kind}/${item.number}`;
  return {
    databaseId: itemDatabaseId(r.repo.databaseId, item.number),
    number: item.number,
    title: item.title,
    body: item.body,
    bodyText: item.body,
    url: `${ctx.webUrl}${path}`,
    resourcePath: path,
    state: item.state,
    closed: item.state !== "OPEN",
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    publishedAt: item.createdAt,
    lastEditedAt: null,
    locked: false,
    author: () => actorModel(ctx, item.author),
    labels: (args: Args) => labelsModel(ctx, r, item.labels, args),
    repository: () => repositoryModel(ctx, r),
  };
}

export function issueModel(ctx: Ctx, r: RepoIndex, issue: FixtureIssue): Model {
  return {
    __typename: "Issue",
    id: nodeId({ kind: "Issue", repo: r.repo.nameWithOwner, number: issue.number }),
    ...itemFields(ctx, r, issue, "issues"),
    closedAt: issue.closedAt,
    stateReason: () => (issue.state === "CLOSED" ? "COMPLETED" : null),
    comments: (args: Args) => commentsModel(ctx, r, issue, issue.comments ?? [], args),
  };
}

export function pullRequestModel(ctx: Ctx, r: RepoIndex, pr: FixturePullRequest): Model {
  const closedAt = pr.state === "MERGED" ? pr.mergedAt : pr.state === "CLOSED" ? pr.updatedAt : null;
  return {
    __typename: "PullRequest",
    id: nodeId({ kind: "PullRequest", repo: r.repo.nameWithOwner, number: pr.number }),
    ...itemFields(ctx, r, pr, "pull"),
    closedAt,
    merged: pr.state === "MERGED",
    mergedAt: pr.mergedAt,
    mergedBy: () => actorModel(ctx, pr.mergedBy),
    isDraft: false,
    baseRepository: () => repositoryModel(ctx, r),
    headRepository: () => repositoryModel(ctx, r),
    closingIssuesReferences: (args: Args) => {
      const issues = pr.closingIssues.flatMap((n) => r.issueByNumber.get(n) ?? []);
      return connection("IssueConnection", issues, args, "closingIssuesReferences", (i) => issueModel(ctx, r, i));
    },
    comments: (args: Args) => commentsModel(ctx, r, pr, pr.comments, args),
  };
}

/** An issue's or a pull request's comments, oldest first. */
function commentsModel(ctx: Ctx, r: RepoIndex, item: FixtureIssue | FixturePullRequest, comments: readonly FixtureComment[], args: Args): Model {
  const inOrder = comments.every((c, i, all) => i === 0 || time(all[i - 1]?.createdAt ?? "") <= time(c.createdAt));
  const sorted = inOrder ? comments : sortByKey(comments, (c) => time(c.createdAt), () => 0);
  return connection("IssueCommentConnection", sorted, args, "comments", (c) => commentModel(ctx, r, item, c));
}

type Listable = FixtureIssue | FixturePullRequest;

/** A repository's issues or pull requests after GitHub's connection filters and order; cached per arguments. */
function filtered<T extends Listable>(ctx: Ctx, r: RepoIndex, kind: "issues" | "pullRequests", base: readonly T[], args: Args): T[] {
  const filterBy = obj(args.filterBy) ?? {};
  for (const key of ["assignee", "mentioned", "milestone", "milestoneNumber", "headRefName", "baseRefName"]) {
    if (str(filterBy[key]) !== null || str(args[key]) !== null)
      throw githubError("UNSUPPORTED", `The fake GitHub does not support filtering ${kind} by ${key}.`);
  }
  const states = strList(args.states) ?? strList(filterBy.states);
  const labels = [strList(args.labels), strList(filterBy.labels)].filter((l): l is string[] => l !== null);
  const since = str(filterBy.since);
  const createdBy = str(filterBy.createdBy)?.toLowerCase() ?? null;
  const order = obj(args.orderBy);
  const field = str(order?.field) ?? "CREATED_AT";
  const desc = str(order?.direction) === "DESC";
  const key = JSON.stringify([kind, repoKey(r.repo.nameWithOwner), states, labels, since, createdBy, field, desc]);
  return ctx.store.index.memo(key, () => {
    const sinceMs = since === null ? null : time(since);
    const wanted = labels.map((l) => new Set(l.map((x) => x.toLowerCase())));
    const list = base.filter((x) =>
      (states === null || states.includes(x.state)) &&
      wanted.every((set) => x.labels.some((l) => set.has(l.toLowerCase()))) &&
      (sinceMs === null || time(x.updatedAt) >= sinceMs) &&
      (createdBy === null || x.author?.toLowerCase() === createdBy));
    const sign = desc ? -1 : 1;
    if (field === "CREATED_AT") return desc ? list.reverse() : list;
    const k = field === "UPDATED_AT" ? (x: T) => time(x.updatedAt) : (x: T) => x.comments?.length ?? 0;
    return sortByKey(list, (x) => sign * k(x), (x) => sign * x.number);
  });
}

export function repositoryModel(ctx: Ctx, r: RepoIndex): Model {
  const nwo = r.repo.nameWithOwner;
  const ownerUser = ctx.store.user(r.owner);
  const notFound = (what: string, n: unknown) =>
    githubError("NOT_FOUND", `Could not resolve to ${what} with the number of ${String(n)}.`);
  return {
    __typename: "Repository",
    id: nodeId({ kind: "Repository", repo: nwo }),
    databaseId: r.repo.databaseId,
    name: r.name,
    nameWithOwner: nwo,
    description: r.repo.description,
    url: `${ctx.webUrl}/${nwo}`,
    resourcePath: `/${nwo}`,
    createdAt: EPOCH,
    isArchived: false,
    isPrivate: false,
    isFork: false,
    owner: {
      __typename: ownerUser?.type === "User" ? "User" : "Organization",
      id: nodeId({ kind: "User", login: r.owner }),
      login: r.owner,
      url: `${ctx.webUrl}/${r.owner}`,
      resourcePath: `/${r.owner}`,
      avatarUrl: () => ownerUser?.avatarUrl ?? `https://avatars.githubusercontent.com/u/${hashId(`user:${r.owner}`)}?v=4`,
    },
    issues: (args: Args) => connection("IssueConnection", filtered(ctx, r, "issues", r.issues, args), args, "issues",
      (i) => issueModel(ctx, r, i)),
    pullRequests: (args: Args) => connection("PullRequestConnection",
      filtered(ctx, r, "pullRequests", r.pullRequests, args), args, "pullRequests", (p) => pullRequestModel(ctx, r, p)),
    issue: ({ number }: Args) => {
      const issue = r.issueByNumber.get(Number(number));
      if (issue === undefined) throw notFound("an Issue", number);
      return issueModel(ctx, r, issue);
    },
    pullRequest: ({ number }: Args) => {
      const pr = r.pullRequestByNumber.get(Number(number));
      if (pr === undefined) throw notFound("a PullRequest", number);
      return pullRequestModel(ctx, r, pr);
    },
    issueOrPullRequest: ({ number }: Args) => {
      const issue = r.issueByNumber.get(Number(number));
      if (issue !== undefined) return issueModel(ctx, r, issue);
      const pr = r.pullRequestByNumber.get(Number(number));
      if (pr === undefined) throw notFound("an issue or pull request", number);
      return pullRequestModel(ctx, r, pr);
    },
  };
}
