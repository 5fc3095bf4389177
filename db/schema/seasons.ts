import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { SeasonOptions, SeasonRules } from "../../lib/seasons/season-file";
import { ref } from "./ref";

/** A repository known to Podium (listed by at least one season, or imported). */
export const repositories = pgTable(
  "repositories",
  {
    id: serial("id").primaryKey(),
    /** `owner/name`, stored lower-case so lookups are case-insensitive like GitHub's. */
    fullName: text("full_name").notNull(),
    githubNodeId: text("github_node_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("repositories_full_name_key").on(t.fullName)],
);

/** A season of a challenge program: a time window, its repositories, scores and rules. */
export const seasons = pgTable(
  "seasons",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The season's own zone: an IANA name, or a fixed offset such as `+08:00` taken from the file. */
    timeZone: text("time_zone").notNull(),
    taskLabels: jsonb("task_labels").$type<string[]>().notNull(),
    taskTitlePrefixes: jsonb("task_title_prefixes").$type<string[]>().notNull(),
    /** Default score per difficulty, e.g. `{ easy: 100, medium: 300, hard: 1000 }`. */
    difficulties: jsonb("difficulties").$type<Record<string, number>>().notNull(),
    rules: jsonb("rules").$type<SeasonRules>().notNull(),
    graceDays: integer("grace_days").notNull().default(0),
    /** Logins or team names shown with their points but without a rank. */
    unranked: jsonb("unranked").$type<string[]>().notNull(),
    /** The second round's fields (umbrellas, companionRepos, countAs, formerNames, excluded, voidLabels, registration, prizes, language), defaults filled in. */
    options: jsonb("options").$type<SeasonOptions>().notNull().default(sql`'{"umbrellas":[],"companionRepos":[],"countAs":{},"formerNames":{},"excluded":[],"voidLabels":["invalid","spam"],"prizes":[]}'::jsonb`),
    /** Set when an admin finalizes the season (`seasons finalize`): its results are frozen; null while live or reopened. */
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("seasons_slug_key").on(t.slug)],
);

export const seasonRepositories = pgTable(
  "season_repositories",
  {
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    repositoryId: ref("repository_id", () => repositories.id, "restrict"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.repositoryId] })],
);

export type Season = typeof seasons.$inferSelect;
export type NewSeason = typeof seasons.$inferInsert;
export type Repository = typeof repositories.$inferSelect;
