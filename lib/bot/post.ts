import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { botComments, participants, pullRequests, seasons } from "@/db/schema";
import type { GitHubClient, RateLimit } from "@/lib/github/client";
import { jobQueue } from "@/lib/server/boot";
import { scheduledJobId } from "@/lib/jobs/schedule";
import { pullOutcomes } from "@/lib/queries/participant-pulls";
import { parseLocale, DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { renderWords } from "@/lib/i18n/words";
import { marker, outcomeReply } from "./replies";

/** `PODIUM_BOT_COMMENTS`: nothing, answers to comment commands (and pick reminders), or also each merged PR's outcome. */
export type BotCommentsMode = "off" | "commands" | "all";

export type BotCommentKind = "reply" | "reminder" | "release" | "outcome" | "registration";

export type BotCommentRow = { key: string; kind: BotCommentKind; seasonId: number | null; repo: string; number: number; body: string | null; pullRequestId?: number | null };

/** The job that posts one bot comment. */
export const BOT_COMMENT_JOB = "bot.comment";

/** Whether the mode lets the bot say this kind of thing. */
export function mayPost(mode: BotCommentsMode, kind: BotCommentKind): boolean {
  return mode === "all" || (mode === "commands" && kind !== "outcome");
}

/**
 * Stores a comment to post, once per key, and sends its job in the same transaction (the job exists if and only if
 * the comment's cause committed). A key stored before is left alone: a replay posts nothing. Answers whether it
 * was stored now.
 */
export async function queueBotComment(tx: Executor, mode: BotCommentsMode, row: BotCommentRow): Promise<boolean> {
  if (!mayPost(mode, row.kind)) return false;
  const stored = await tx.insert(botComments).values({ ...row, pullRequestId: row.pullRequestId ?? null }).onConflictDoNothing().returning({ key: botComments.key });
  if (stored.length === 0) return false;
  // Without a queue in this process (a one-off script), the row waits: the next sweep of pending comments sends it.
  await jobQueue()?.enqueue(BOT_COMMENT_JOB, { key: row.key }, { tx, id: scheduledJobId(BOT_COMMENT_JOB, row.key, 0) });
  return true;
}

const TARGET_QUERY = /* GraphQL */ `
  query PodiumBotTarget($owner: String!, $name: String!, $number: Int!) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      issueOrPullRequest(number: $number) {
        ... on Issue { id comments(last: 100) { nodes { id body } } }
        ... on PullRequest { id comments(last: 100) { nodes { id body } } }
      }
    }
  }
`;

const ADD_COMMENT = /* GraphQL */ `
  mutation PodiumBotComment($subjectId: ID!, $body: String!) {
    addComment(input: { subjectId: $subjectId, body: $body }) { commentEdge { node { id } } }
  }
`;

type Target = { rateLimit?: RateLimit | null; repository: { issueOrPullRequest: { id: string; comments: { nodes: ({ id: string; body: string } | null)[] | null } } | null } | null };

export type PostResult = { key: string; state: "posted" | "skipped" | "found"; commentId?: string };

/**
 * Posts one stored comment through GraphQL `addComment`. It first reads the issue's last comments: one carrying
 * this key's marker was posted by an attempt whose answer was lost, and is recorded instead of posted again.
 */
export async function postBotComment(db: Executor, key: string, options: { client: (repo: string) => Promise<GitHubClient>; publicUrl: string }): Promise<PostResult> {
  const [row] = await db.select().from(botComments).where(eq(botComments.key, key));
  if (!row || row.state !== "pending") return { key, state: "skipped" };
  const client = await options.client(row.repo);
  const body = row.body ?? (await outcomeBody(db, row, options.publicUrl));
  if (body === null) {
    await db.update(botComments).set({ state: "skipped" }).where(eq(botComments.key, key));
    return { key, state: "skipped" };
  }
  const [owner, name] = row.repo.split("/");
  const target = await client.query<Target>(TARGET_QUERY, { owner, name, number: row.number });
  const subject = target.repository?.issueOrPullRequest;
  if (!subject) throw new Error(`${row.repo}#${row.number} is not on GitHub (any more)`);
  const earlier = (subject.comments.nodes ?? []).find((c) => c?.body.includes(marker(key)));
  let commentId = earlier?.id;
  if (!commentId) {
    const added = await client.query<{ rateLimit?: null; addComment: { commentEdge: { node: { id: string } | null } | null } }>(ADD_COMMENT, { subjectId: subject.id, body });
    commentId = added.addComment.commentEdge?.node?.id ?? "";
  }
  await db.update(botComments).set({ state: "posted", body, githubCommentId: commentId, postedAt: new Date() }).where(and(eq(botComments.key, key), eq(botComments.state, "pending")));
  return { key, state: earlier ? "found" : "posted", commentId };
}

/** What a merged PR earned, in the outcome words and the season's language, with a link to its author's profile (null: nothing to say). */
async function outcomeBody(db: Executor, row: typeof botComments.$inferSelect, publicUrl: string): Promise<string | null> {
  if (row.pullRequestId === null || row.seasonId === null) return null;
  const [pr] = await db
    .select({ authorId: pullRequests.authorId, login: participants.login })
    .from(pullRequests)
    .innerJoin(participants, eq(participants.id, pullRequests.authorId))
    .where(eq(pullRequests.id, row.pullRequestId));
  const [season] = await db.select({ slug: seasons.slug, language: sql<string | null>`${seasons.options}->>'language'` }).from(seasons).where(eq(seasons.id, row.seasonId));
  if (!pr?.authorId || !season) return null;
  const outcomes = await pullOutcomes(db, season.slug, { participantId: pr.authorId });
  const mine = outcomes?.find((o) => o.pullRequestId === row.pullRequestId);
  if (!mine) return null;
  const profile = `${publicUrl.replace(/\/$/, "")}/u/${encodeURIComponent(pr.login)}?season=${encodeURIComponent(season.slug)}`;
  const locale = parseLocale(season.language) ?? DEFAULT_LOCALE;
  return outcomeReply(row.key, pr.login, renderWords(mine.words, locale), profile, locale);
}
