import { sql } from "drizzle-orm";
import { bigint, boolean, index, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { seasons } from "./seasons";
import { ref } from "./ref";

/**
 * A GitHub account that took part (authored a PR, picked a task, or signed in).
 * Matched by GitHub's numeric id, so a renamed login stays the same participant.
 */
export const participants = pgTable(
  "participants",
  {
    id: serial("id").primaryKey(),
    githubId: bigint("github_id", { mode: "number" }),
    login: text("login").notNull(),
    name: text("name"),
    avatarUrl: text("avatar_url"),
    isBot: boolean("is_bot").notNull().default(false),
    /** The participant hid themselves: public rankings show "a participant" (points and rank kept), the public API leaves them out (#19). */
    hidden: boolean("hidden").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("participants_github_id_key").on(t.githubId),
    uniqueIndex("participants_login_key").on(sql`lower(${t.login})`),
  ],
);

/** A team competing in one season; its score is its members' points from their `joinedAt` on. */
export const teams = pgTable(
  "teams",
  {
    id: serial("id").primaryKey(),
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    name: text("name").notNull(),
    /** The only difficulties the team may pick up and earn from; null: all. */
    difficulties: jsonb("difficulties").$type<string[]>(),
    /** `file` (the season file's `teams`) or `registration` (made from sign-up issues): each applies only its own. */
    source: text("source").$type<"file" | "registration">().notNull().default("file"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("teams_season_name_key").on(t.seasonId, t.name)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: ref("team_id", () => teams.id, "cascade"),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    /** When the member left; from then on their points are their own again. */
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.participantId] }), index("team_members_participant_idx").on(t.participantId)],
);

export type Participant = typeof participants.$inferSelect;
export type Team = typeof teams.$inferSelect;
