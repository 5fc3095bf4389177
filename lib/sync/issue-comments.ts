import { and, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { repositories, tasks } from "@/db/schema";
import { COMMAND_MAX_AGE_MS, runCommentCommands, type CommandResult, type IssueComments } from "@/lib/bot/comment-commands";
import type { BotCommentsMode } from "@/lib/bot/post";
import type { GitHubClient, RateLimit } from "@/lib/github/client";
import { toComments } from "./fetch";
import { COMMENT_FIELDS, type CommentPage } from "./queries";

/** Issues a query reads the last comments of: 100 (one request each, 1 point in all). */
export const COMMENT_ISSUES_BATCH = 100;
/** The last comments read per issue: a command older than the newest 30 is past its age anyway, or was read before. */
const LAST_COMMENTS = 30;

export const ISSUE_COMMENTS_QUERY = /* GraphQL */ `
  query PodiumIssueComments($ids: [ID!]!) {
    rateLimit { cost remaining resetAt }
    nodes(ids: $ids) {
      ... on Issue {
        id number repository { nameWithOwner }
        comments(last: ${LAST_COMMENTS}) { ${COMMENT_FIELDS} }
      }
    }
  }
`;

type IssueCommentsNode = { id: string; number: number; repository: { nameWithOwner: string }; comments: CommentPage } | Record<string, never> | null;

/**
 * Comment commands from the import, so nothing depends on webhooks: the open task issues of these repositories
 * that changed since `since` (and within a command's age: older comments are not acted on) have their last
 * comments read, 100 issues a query, and their commands run as a webhook's would. A comment read before (by a
 * webhook, an earlier import, another instance) does nothing.
 */
export async function importCommentCommands(
  db: Db,
  client: GitHubClient,
  input: { seasonId: number; repositoryIds: number[]; since: Date | null; now: Date; mode: BotCommentsMode },
): Promise<CommandResult[]> {
  if (input.repositoryIds.length === 0) return [];
  const oldest = new Date(Math.max(input.since?.getTime() ?? 0, input.now.getTime() - COMMAND_MAX_AGE_MS));
  const open = await db
    .select({ nodeId: tasks.githubNodeId })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(eq(tasks.seasonId, input.seasonId), inArray(tasks.repositoryId, input.repositoryIds), eq(tasks.active, true), eq(tasks.issueState, "open"), isNotNull(tasks.githubNodeId), gte(tasks.githubUpdatedAt, oldest)));
  const ids = open.map((o) => o.nodeId!);
  const results: CommandResult[] = [];
  for (let i = 0; i < ids.length; i += COMMENT_ISSUES_BATCH) {
    const data = await client.query<{ nodes: IssueCommentsNode[]; rateLimit?: RateLimit }>(ISSUE_COMMENTS_QUERY, { ids: ids.slice(i, i + COMMENT_ISSUES_BATCH) });
    const items: IssueComments[] = (data.nodes ?? [])
      .filter((n): n is Extract<IssueCommentsNode, { id: string }> => n !== null && "comments" in n)
      .map((n) => ({ repo: n.repository.nameWithOwner, number: n.number, comments: toComments(n.comments) }));
    results.push(...(await runCommentCommands(db, items, { mode: input.mode, now: input.now })));
  }
  return results;
}
