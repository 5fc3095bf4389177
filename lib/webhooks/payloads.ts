import { z } from "zod";
import type { GhActor, GhComment, GhIssue, GhPullRequest } from "@/lib/sync/types";

/** The parts of GitHub's webhook payloads the importer reads; anything else is ignored. */
const ZUser = z
  .object({ login: z.string().min(1).max(100), id: z.number().int().positive(), type: z.string().optional(), avatar_url: z.string().max(2000).nullish() })
  .nullable();
const ZLabel = z.object({ name: z.string().max(200) });
const ZRepository = z.object({ full_name: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/) });
const ZTime = z.iso.datetime({ offset: true });
const ZText = z.string().max(262_144).nullish();
/** The fields issues and pull requests share in webhook payloads. */
const itemFields = {
  number: z.number().int().positive(),
  node_id: z.string().max(200).optional(),
  html_url: z.string().max(2000).optional(),
  title: z.string().max(1024),
  body: ZText,
  state: z.enum(["open", "closed"]),
  user: ZUser,
  labels: z.array(ZLabel).max(200).default([]),
  created_at: ZTime,
  updated_at: ZTime,
};

export const ZPullRequestEvent = z.object({
  action: z.string().max(50),
  repository: ZRepository,
  pull_request: z.object({
    ...itemFields,
    merged: z.boolean().nullish(),
    merged_at: ZTime.nullable(),
    merged_by: ZUser.optional(),
  }),
});

export const ZIssuesEvent = z.object({
  action: z.string().max(50),
  repository: ZRepository,
  issue: z.object({
    ...itemFields,
    closed_at: ZTime.nullable().optional(),
    pull_request: z.object({ merged_at: ZTime.nullable().optional() }).optional(),
  }),
});

export const ZIssueCommentEvent = ZIssuesEvent.extend({
  comment: z.object({ id: z.number().int().positive(), node_id: z.string().max(200).optional(), body: z.string().max(65_536), user: ZUser, created_at: ZTime }),
});

function actor(u: z.infer<typeof ZUser> | undefined): GhActor | null {
  if (!u) return null;
  return { login: u.login, databaseId: u.id, avatarUrl: u.avatar_url ?? null, isBot: u.type === "Bot" || u.login.endsWith("[bot]") };
}

type ItemPayload = z.infer<typeof ZIssuesEvent>["issue"] | z.infer<typeof ZPullRequestEvent>["pull_request"];

/** The fields an issue and a pull request payload give alike, in the importer's shape. */
function itemOf(repo: string, x: ItemPayload) {
  return {
    repo,
    number: x.number,
    nodeId: x.node_id ?? null,
    url: x.html_url ?? null,
    title: x.title,
    body: x.body ?? "",
    labels: x.labels.map((l) => l.name),
    author: actor(x.user),
    createdAt: x.created_at,
    updatedAt: x.updated_at,
  };
}

export function pullFromEvent(e: z.infer<typeof ZPullRequestEvent>): GhPullRequest {
  const p = e.pull_request;
  return {
    ...itemOf(e.repository.full_name, p),
    state: p.merged_at ? "MERGED" : p.state === "open" ? "OPEN" : "CLOSED",
    mergedAt: p.merged_at,
    mergedBy: p.merged_by?.login ?? null,
    closingIssues: [],
    comments: [],
  };
}

export function issueFromEvent(e: z.infer<typeof ZIssuesEvent>): GhIssue {
  const i = e.issue;
  return {
    ...itemOf(e.repository.full_name, i),
    state: i.state === "open" ? "OPEN" : "CLOSED",
    closedAt: i.closed_at ?? null,
  };
}

/** A comment on a pull request: the PR as the comment's payload describes it, with that comment. */
export function pullFromComment(e: z.infer<typeof ZIssueCommentEvent>): GhPullRequest | null {
  const i = e.issue;
  if (!i.pull_request) return null;
  const mergedAt = i.pull_request.merged_at ?? null;
  return {
    repo: e.repository.full_name,
    number: i.number,
    nodeId: null,
    url: i.html_url ?? null,
    title: i.title,
    body: i.body ?? "",
    labels: i.labels.map((l) => l.name),
    state: mergedAt ? "MERGED" : i.state === "open" ? "OPEN" : "CLOSED",
    author: actor(i.user),
    createdAt: i.created_at,
    updatedAt: i.updated_at,
    mergedAt,
    mergedBy: null,
    closingIssues: [],
    comments: [{ id: e.comment.node_id ?? `IC_${e.comment.id}`, body: e.comment.body, createdAt: e.comment.created_at, author: actor(e.comment.user) }],
  };
}

/** A comment on an issue, as the comment commands read it. */
export function commandsFromComment(e: z.infer<typeof ZIssueCommentEvent>): { repo: string; number: number; comments: GhComment[] } {
  const c = e.comment;
  return { repo: e.repository.full_name, number: e.issue.number, comments: [{ id: c.node_id ?? `IC_${c.id}`, body: c.body, createdAt: c.created_at, author: actor(c.user) }] };
}
