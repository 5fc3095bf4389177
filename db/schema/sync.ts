import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { repositories, seasons } from "./seasons";
import { ref } from "./ref";

export const syncStatus = pgEnum("sync_status", ["running", "succeeded", "failed"]);

export type SyncCounts = { repos: number; tasks: number; pullRequests: number; pointsAwarded: number; entries: number };
export type SyncProgress = {
  season: string | null;
  repo: string | null;
  phase: string;
  /** Items imported so far in this phase. */
  done: number;
  total: number;
  /** Repository steps (tasks and pull requests of each repository) done, of all. */
  step?: number;
  steps?: number;
};

/** One import run, whoever started it. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: serial("id").primaryKey(),
    seasonId: integer("season_id").references(() => seasons.id, { onDelete: "cascade" }),
    trigger: text("trigger").notNull(),
    full: boolean("full").notNull().default(false),
    status: syncStatus("status").notNull().default("running"),
    counts: jsonb("counts").$type<SyncCounts>().notNull(),
    graphqlCost: integer("graphql_cost").notNull().default(0),
    error: text("error"),
    /** What it is doing now, for the live view of a running sync. */
    progress: jsonb("progress").$type<SyncProgress>(),
    /** Who started it (a login), when started from the app. */
    startedBy: text("started_by"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Refreshed while it runs; a "running" run whose heartbeat stopped long ago was abandoned (a crash). */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("sync_runs_season_started_idx").on(t.seasonId, t.startedAt),
    // One sync at a time, whichever process starts it (CLI, app, a second instance).
    uniqueIndex("sync_runs_one_running").on(t.status).where(sql`status = 'running'`),
  ],
);

/** The incremental watermark of one season's repository, per kind of object imported. */
export const syncCursors = pgTable(
  "sync_cursors",
  {
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    repositoryId: ref("repository_id", () => repositories.id, "cascade"),
    kind: text("kind").notNull(),
    watermark: timestamp("watermark", { withTimezone: true }),
    cursor: text("cursor"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.repositoryId, t.kind] })],
);

/** Webhook deliveries already handled, so a redelivery does nothing. */
export const webhookDeliveries = pgTable("webhook_deliveries", {
  deliveryId: text("delivery_id").primaryKey(),
  event: text("event").notNull(),
  status: text("status").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export type SyncRun = typeof syncRuns.$inferSelect;

/**
 * The newest `updatedAt` GitHub gave for each issue or pull request (they share a repository's numbers),
 * whether or not it is a task: a sync page or a webhook older than what was already stored is not
 * written over it ("newer wins"), whichever arrives last.
 */
export const githubVersions = pgTable(
  "github_versions",
  {
    repositoryId: ref("repository_id", () => repositories.id, "cascade"),
    number: integer("number").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.number] })],
);
