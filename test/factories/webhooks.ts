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

export function pullPayload(opts: { action: string; repo: string; number: number; title: string; body: string; user: User; mergedAt: string | null; state?: "open" | "closed" }) {
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
      updated_at: new Date().toISOString(),
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
