import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { seasons } from "./seasons";
import { pullRequests, tasks } from "./tasks";

/**
 * A comment command read on a task issue (`/pick-up-challenge`, `/give-up`, or something that looks like one), once
 * per GitHub comment whatever brought it (a webhook, a re-import, another instance): the row is stored in the same
 * transaction as the command's effect, so a replay finds it and does nothing.
 */
export const commentCommands = pgTable(
  "comment_commands",
  {
    /** GitHub's node id of the comment. */
    commentId: text("comment_id").primaryKey(),
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "cascade" }),
    participantId: integer("participant_id").references(() => participants.id, { onDelete: "set null" }),
    login: text("login").notNull(),
    /** `pick-up`, `give-up`, or `unclear` (a typo or a missing slash: answered, not acted on). */
    command: text("command").notNull(),
    /** `picked-up`, `released`, `refused`, `understood`, `expired` (too old when first read: no effect, no reply). */
    outcome: text("outcome").notNull(),
    detail: text("detail"),
    commentedAt: timestamp("commented_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comment_commands_task_idx").on(t.taskId)],
);

/**
 * A comment the bot posts on GitHub, once: keyed by what it answers (`reply:<comment>`, `remind:<task>:<picked at>`,
 * `release:<task>:<picked at>`, `outcome:<pull request>`). Stored with its cause, posted by the `bot.comment` job;
 * its body carries the key in a hidden marker, so a retry after a post whose answer was lost finds it and does not
 * post twice.
 */
export const botComments = pgTable(
  "bot_comments",
  {
    key: text("key").primaryKey(),
    seasonId: integer("season_id").references(() => seasons.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    repo: text("repo").notNull(),
    number: integer("number").notNull(),
    /** The text (null for an outcome, written when it is posted from the stored decision). */
    body: text("body"),
    pullRequestId: integer("pull_request_id").references(() => pullRequests.id, { onDelete: "cascade" }),
    /** `pending`, `posted`, `skipped` (nothing to say any more). */
    state: text("state").notNull().default("pending"),
    githubCommentId: text("github_comment_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    postedAt: timestamp("posted_at", { withTimezone: true }),
  },
  (t) => [index("bot_comments_state_idx").on(t.state)],
);
