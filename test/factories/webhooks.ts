/** Webhook payloads in GitHub's REST shape, for tests. */
type User = { login: string; id: number; type?: "User" | "Bot" };

export function issuePayload(opts: { action: string; repo: string; number: number; title: string; body?: string; labels: string[]; user: User; state?: "open" | "closed"; updatedAt?: string }) {
  return {
    action: opts.action,
    repository: { full_name: opts.repo },
    issue: {
      number: opts.number,
      title: opts.title,
      body: opts.body ?? "",
      state: opts.state ?? "open",
      user: { ...opts.user, type: opts.user.type ?? "User" },
      labels: opts.labels.map((name) => ({ name })),
      created_at: "2020-03-05T00:00:00Z",
      updated_at: opts.updatedAt ?? new Date().toISOString(),
      closed_at: null,
    },
  };
}

export function pullPayload(opts: { action: string; repo: string; number: number; title: string; body: string; user: User; mergedAt: string | null; state?: "open" | "closed"; updatedAt?: string }) {
  return {
    action: opts.action,
    repository: { full_name: opts.repo },
    pull_request: {
      number: opts.number,
      title: opts.title,
      body: opts.body,
      state: opts.state ?? (opts.mergedAt ? "closed" : "open"),
      merged: opts.mergedAt !== null,
      merged_at: opts.mergedAt,
      merged_by: null,
      user: { ...opts.user, type: opts.user.type ?? "User" },
      labels: [],
      created_at: "2020-03-06T00:00:00Z",
      updated_at: opts.updatedAt ?? new Date().toISOString(),
    },
  };
}

export function commentPayload(opts: { repo: string; number: number; title: string; prAuthor: User; mergedAt: string; commenter: User; body: string; commentId: number }) {
  return {
    action: "created",
    repository: { full_name: opts.repo },
    issue: {
      number: opts.number,
      title: opts.title,
      body: "",
      state: "closed",
      user: { ...opts.prAuthor, type: "User" },
      labels: [],
      created_at: "2020-03-06T00:00:00Z",
      updated_at: new Date().toISOString(),
      pull_request: { merged_at: opts.mergedAt },
    },
    comment: { id: opts.commentId, body: opts.body, user: { ...opts.commenter, type: "User" }, created_at: new Date().toISOString() },
  };
}

/**
 * The webhook GitHub sends for an item of a fake-GitHub fixture (so a delivery and the fake's GraphQL answers
 * describe the same objects): `id` gives each login's GitHub id, as the fixture's users do.
 */
type FixtureLike = { repo: string; number: number; title: string; body: string; labels: string[]; author: string | null; createdAt: string; updatedAt: string };
const userFor = (id: (login: string) => number, login: string | null): User | null => (login === null ? null : { login, id: id(login), type: login.endsWith("[bot]") ? "Bot" : "User" });

/** The `issue` object of `issues` and `issue_comment` payloads (a pull request is an issue there too). */
const issueObject = (item: FixtureLike & { state: "OPEN" | "CLOSED" | "MERGED" }, id: (login: string) => number) => ({
  number: item.number,
  title: item.title,
  body: item.body,
  state: item.state === "OPEN" ? "open" : "closed",
  user: userFor(id, item.author),
  labels: item.labels.map((name) => ({ name })),
  created_at: item.createdAt,
  updated_at: item.updatedAt,
});

export function fixtureIssueEvent(action: string, issue: FixtureLike & { state: "OPEN" | "CLOSED"; closedAt: string | null }, id: (login: string) => number) {
  return { action, repository: { full_name: issue.repo }, issue: { ...issueObject(issue, id), closed_at: issue.closedAt } };
}

type FixturePull = FixtureLike & { state: "OPEN" | "CLOSED" | "MERGED"; mergedAt: string | null; mergedBy: string | null };

export function fixturePullEvent(action: string, pr: FixturePull, id: (login: string) => number) {
  return {
    action,
    repository: { full_name: pr.repo },
    pull_request: {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      state: pr.state === "OPEN" ? "open" : "closed",
      merged: pr.state === "MERGED",
      merged_at: pr.mergedAt,
      merged_by: userFor(id, pr.mergedBy),
      user: userFor(id, pr.author),
      labels: pr.labels.map((name) => ({ name })),
      created_at: pr.createdAt,
      updated_at: pr.updatedAt,
    },
  };
}

/** `issue_comment` on a pull request; `nodeId` is the comment's GraphQL id (what the importer keys rewards by). */
export function fixtureCommentEvent(pr: FixturePull, comment: { id: string; author: string | null; body: string; createdAt: string }, databaseId: number, id: (login: string) => number) {
  return {
    action: "created",
    repository: { full_name: pr.repo },
    issue: { ...issueObject(pr, id), pull_request: { merged_at: pr.mergedAt } },
    comment: { id: databaseId, node_id: comment.id, body: comment.body, user: userFor(id, comment.author), created_at: comment.createdAt },
  };
}
