import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { ref } from "./ref";
import { seasons } from "./seasons";
import { pullRequests } from "./tasks";

export const appealStatus = pgEnum("appeal_status", ["open", "accepted", "declined"]);

/**
 * A participant disputes what one of their pull requests earned in a season; a maintainer of the task's
 * repository (or the PR's, without a task) accepts it — points through the ledger, with the reason — or
 * declines it with the reason the participant reads. At most one open appeal per pull request and season.
 */
export const appeals = pgTable(
  "appeals",
  {
    id: serial("id").primaryKey(),
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    pullRequestId: ref("pull_request_id", () => pullRequests.id, "cascade"),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    message: text("message").notNull(),
    status: appealStatus("status").notNull().default("open"),
    /** Points booked when accepted. */
    points: integer("points"),
    answer: text("answer"),
    answeredById: integer("answered_by_id").references(() => participants.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("appeals_one_open_key").on(t.seasonId, t.pullRequestId).where(sql`status = 'open'`),
    index("appeals_season_status_idx").on(t.seasonId, t.status),
    index("appeals_participant_idx").on(t.participantId, t.createdAt),
  ],
);

export type Appeal = typeof appeals.$inferSelect;
