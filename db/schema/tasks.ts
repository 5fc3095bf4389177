import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { repositories, seasons } from "./seasons";
import { ref } from "./ref";

/** Where a task's score came from; the first that applies wins, in this order. */
export const scoreSource = pgEnum("score_source", ["override", "body", "label", "default", "none"]);
export const taskState = pgEnum("task_state", ["open", "picked", "completed", "closed"]);
export const linkSource = pgEnum("link_source", ["closing", "reference", "url", "prefixed", "manual"]);

/** An issue of a listed repository, as a scored task of one season. */
export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    repositoryId: ref("repository_id", () => repositories.id),
    number: integer("number").notNull(),
    githubNodeId: text("github_node_id"),
    title: text("title").notNull(),
    url: text("url"),
    labels: jsonb("labels").$type<string[]>().notNull().default([]),
    difficulty: text("difficulty"),
    /** The effective score; null while it cannot be read (shown to maintainers as "needs a score"). */
    score: integer("score"),
    scoreSource: scoreSource("score_source").notNull().default("none"),
    /** What the issue itself says (body or label), kept so a change of season defaults can re-resolve the score. */
    statedScore: integer("stated_score"),
    scoreOverride: integer("score_override"),
    scoreOverrideReason: text("score_override_reason"),
    /** The task's own gate (`min score required: N` in the body). */
    minScoreRequired: integer("min_score_required"),
    /** One umbrella issue, a fixed number of points for each merged PR. */
    perPr: boolean("per_pr").notNull().default(false),
    /** The season file lists it under `umbrellas` (per-PR, its points and difficulty from there); un-marked when the file no longer does. */
    listedUmbrella: boolean("listed_umbrella").notNull().default(false),
    /** A maintainer's difficulty for a task they marked (wins over what the issue says). */
    difficultyOverride: text("difficulty_override"),
    /** Still a task: its label or title prefix is there, or a maintainer marked it. An inactive task's awards are revoked. */
    active: boolean("active").notNull().default(true),
    /** Marked as a task by a maintainer rather than by label or title prefix. */
    manual: boolean("manual").notNull().default(false),
    issueState: text("issue_state").notNull().default("open"),
    state: taskState("state").notNull().default("open"),
    pickedUpById: integer("picked_up_by_id").references(() => participants.id, { onDelete: "set null" }),
    pickedUpAt: timestamp("picked_up_at", { withTimezone: true }),
    githubCreatedAt: timestamp("github_created_at", { withTimezone: true }),
    githubUpdatedAt: timestamp("github_updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tasks_season_repo_number_key").on(t.seasonId, t.repositoryId, t.number),
    index("tasks_season_state_idx").on(t.seasonId, t.state),
  ],
);

/** A pull request of a listed repository. Stored once, whatever seasons it counts for. */
export const pullRequests = pgTable(
  "pull_requests",
  {
    id: serial("id").primaryKey(),
    repositoryId: ref("repository_id", () => repositories.id),
    number: integer("number").notNull(),
    githubNodeId: text("github_node_id"),
    title: text("title").notNull(),
    url: text("url"),
    /** Null when the author's account was deleted (GitHub's "ghost"). */
    authorId: integer("author_id").references(() => participants.id, { onDelete: "set null" }),
    authorLogin: text("author_login"),
    labels: jsonb("labels").$type<string[]>().notNull().default([]),
    state: text("state").notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true }),
    mergedByLogin: text("merged_by_login"),
    githubCreatedAt: timestamp("github_created_at", { withTimezone: true }),
    githubUpdatedAt: timestamp("github_updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pull_requests_repo_number_key").on(t.repositoryId, t.number),
    index("pull_requests_author_idx").on(t.authorId),
    index("pull_requests_merged_at_idx").on(t.mergedAt),
  ],
);

/** A PR that references a task, and how it did. */
export const pullRequestTasks = pgTable(
  "pull_request_tasks",
  {
    pullRequestId: ref("pull_request_id", () => pullRequests.id, "cascade"),
    taskId: ref("task_id", () => tasks.id, "cascade"),
    source: linkSource("source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pullRequestId, t.taskId] }), index("pull_request_tasks_task_idx").on(t.taskId)],
);

/**
 * What a PR's text and closing references point at, whether or not that issue is a task yet: an issue
 * labelled after the PR merged still gets its link (and its award) from here.
 */
export const pullRequestRefs = pgTable(
  "pull_request_refs",
  {
    pullRequestId: ref("pull_request_id", () => pullRequests.id, "cascade"),
    repositoryId: ref("repository_id", () => repositories.id),
    number: integer("number").notNull(),
    source: linkSource("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pullRequestId, t.repositoryId, t.number] }), index("pull_request_refs_target_idx").on(t.repositoryId, t.number)],
);

/** `/reward N` comments on pull requests; whether they count is decided from the author's role when awarding. */
export const pullRequestRewards = pgTable(
  "pull_request_rewards",
  {
    commentId: text("comment_id").primaryKey(),
    pullRequestId: ref("pull_request_id", () => pullRequests.id, "cascade"),
    authorLogin: text("author_login"),
    points: integer("points").notNull(),
    commentedAt: timestamp("commented_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pull_request_rewards_pr_idx").on(t.pullRequestId)],
);

export type Task = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type PullRequest = typeof pullRequests.$inferSelect;
