import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { seasons } from "./seasons";
import { ref } from "./ref";

/**
 * A final season's frozen results (#18), written by `seasons finalize` in the transaction that sets
 * `seasons.finalized_at`, deleted by `seasons reopen`: one row per ranked or unranked entry of each ranking
 * (individuals by login, teams by name), in ranking order, with the prizes the entry won. Certificates, the
 * report's winners and the API's `prizes` read these rows, never live totals.
 */
export const seasonResults = pgTable(
  "season_results",
  {
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    /** `individuals` or `teams`. */
    ranking: text("ranking").$type<"individuals" | "teams">().notNull(),
    /** 1-based place in the ranking's order (ties ordered as the ranking shows them). */
    position: integer("position").notNull(),
    /** Competition rank (1, 2, 2, 4); null for an unranked entry (staff). */
    rank: integer("rank"),
    /** The participant (individuals); null for a team. */
    participantId: integer("participant_id").references(() => participants.id),
    /** The login (individuals) or the team's name, as shown when the season was finalized. */
    name: text("name").notNull(),
    /** Lower-case `name`, for lookups. */
    nameKey: text("name_key").notNull(),
    score: integer("score").notNull(),
    /** Tasks completed; null where the ranking does not count them (teams, today). */
    tasks: integer("tasks"),
    /** The names of the prizes won, in the season file's order. */
    prizes: jsonb("prizes").$type<string[]>().notNull(),
  },
  (t) => [
    uniqueIndex("season_results_position_key").on(t.seasonId, t.ranking, t.position),
    index("season_results_name_idx").on(t.seasonId, t.ranking, t.nameKey),
  ],
);

export type SeasonResult = typeof seasonResults.$inferSelect;
export type NewSeasonResult = typeof seasonResults.$inferInsert;
