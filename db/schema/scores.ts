import { bigserial, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, bigint } from "drizzle-orm/pg-core";
import { participants, teams } from "./participants";
import { repositories, seasons } from "./seasons";
import { pullRequests, tasks } from "./tasks";
import { ref } from "./ref";

export const ledgerKind = pgEnum("ledger_kind", ["award", "adjustment", "revocation"]);

/**
 * The score ledger: the only source of points. Append-only; a correction is a new entry.
 * `sourceKey` makes imported entries idempotent (e.g. `task:12:pr:34`, `reward:<comment id>`).
 */
export const scoreEntries = pgTable(
  "score_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    participantId: ref("participant_id", () => participants.id),
    /**
     * The team that owns these points (the participant was its member at `occurredAt`: contract, "Teams"); null: the
     * participant's own. Individual totals leave team-owned entries out; the team's totals are made of them.
     */
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    taskId: integer("task_id").references(() => tasks.id),
    pullRequestId: integer("pull_request_id").references(() => pullRequests.id),
    repositoryId: integer("repository_id").references(() => repositories.id),
    difficulty: text("difficulty"),
    points: integer("points").notNull(),
    kind: ledgerKind("kind").notNull(),
    /** The participant (maintainer, admin) who made the change; null for the importer. */
    actorId: integer("actor_id").references(() => participants.id),
    reason: text("reason").notNull(),
    /** When the points were earned (the PR's merge time for awards), which orders ties. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sourceKey: text("source_key"),
    /** The importer's award family (e.g. `s1:t12`): entries of one family net to what the importer believes is due. */
    awardKey: text("award_key"),
    revokesEntryId: bigint("revokes_entry_id", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("score_entries_source_key").on(t.sourceKey),
    index("score_entries_season_participant_idx").on(t.seasonId, t.participantId),
    index("score_entries_task_idx").on(t.taskId),
    index("score_entries_award_key_idx").on(t.seasonId, t.awardKey),
    index("score_entries_team_idx").on(t.teamId),
  ],
);

/**
 * A maintainer's waiver of the gates for one participant on one task (contract: "maintainers may also waive a gate
 * for one participant, with a reason"); audited when made. The participant may then pick the task up and earn it.
 */
export const gateWaivers = pgTable(
  "gate_waivers",
  {
    taskId: ref("task_id", () => tasks.id, "cascade"),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    reason: text("reason").notNull(),
    actorId: integer("actor_id").references(() => participants.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.participantId] }), index("gate_waivers_participant_idx").on(t.participantId)],
);

export type DifficultyTotals = Record<string, { tasks: number; score: number }>;

/** The derived figures of one participant (in a season, or in one repository of it). */
const totalColumns = () => ({
  /** Points after caps. */
  points: integer("points").notNull(),
  /** Points before caps (what the ledger holds). */
  rawPoints: integer("raw_points").notNull(),
  tasks: integer("tasks").notNull(),
  byDifficulty: jsonb("by_difficulty").$type<DifficultyTotals>().notNull(),
  /** When the participant reached `points`: earlier wins a tie. */
  reachedAt: timestamp("reached_at", { withTimezone: true }).notNull(),
  /** The participant's lower-case login, the last tie-break, copied here so a page is one index scan. */
  loginKey: text("login_key").notNull().default(""),
});

/** Season totals derived from the ledger in the same transaction that appends to it. */
export const seasonTotals = pgTable(
  "season_totals",
  {
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    participantId: ref("participant_id", () => participants.id),
    ...totalColumns(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.seasonId, t.participantId] }),
    index("season_totals_rank_idx").on(t.seasonId, t.points.desc(), t.reachedAt, t.loginKey),
  ],
);

/** The same totals per repository, for per-repo rankings. */
export const seasonRepoTotals = pgTable(
  "season_repo_totals",
  {
    seasonId: ref("season_id", () => seasons.id, "cascade"),
    repositoryId: ref("repository_id", () => repositories.id),
    participantId: ref("participant_id", () => participants.id),
    ...totalColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.seasonId, t.repositoryId, t.participantId] }),
    index("season_repo_totals_rank_idx").on(t.seasonId, t.repositoryId, t.points.desc(), t.reachedAt, t.loginKey),
  ],
);

export type ScoreEntry = typeof scoreEntries.$inferSelect;
export type NewScoreEntry = typeof scoreEntries.$inferInsert;
export type GateWaiver = typeof gateWaivers.$inferSelect;
export type SeasonTotal = typeof seasonTotals.$inferSelect;
