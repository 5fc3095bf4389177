import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, boolean } from "drizzle-orm/pg-core";
import { participants, teams } from "./participants";
import { seasons } from "./seasons";
import { ref } from "./ref";

export const walletEntryKind = pgEnum("wallet_entry_kind", ["earn", "spend", "refund", "expire"]);
export const redemptionStatus = pgEnum("redemption_status", ["requested", "approved", "shipped", "refused"]);

/** One participant's wallet: the row a change of their credits locks (`select … for update`), so spends serialize. */
export const wallets = pgTable("wallets", {
  participantId: ref("participant_id", () => participants.id, "cascade").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The wallet ledger, like the score ledger: append-only, the balance is the sum of `credits`. Every entry moves
 * credits of one lot — the credits earned in one final season (`lotSeasonId`) — so each lot expires on its own.
 * `sourceKey` makes each entry once-only (a second crediting run or a double click writes nothing twice).
 */
export const walletEntries = pgTable(
  "wallet_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    kind: walletEntryKind("kind").notNull(),
    /** Signed: earn and refund add, spend and expire take away (an earn may be a negative correction). */
    credits: integer("credits").notNull(),
    lotSeasonId: ref("lot_season_id", () => seasons.id, "restrict"),
    redemptionId: integer("redemption_id").references(() => redemptions.id),
    /** The participant (an admin) who caused it; null for Podium and the operator. */
    actorId: integer("actor_id").references(() => participants.id),
    reason: text("reason").notNull(),
    sourceKey: text("source_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("wallet_entries_source_key").on(t.sourceKey), index("wallet_entries_participant_idx").on(t.participantId, t.id)],
);

/** The admins' gift catalogue. `stock` never goes below zero (a conditional update takes one, the check backs it). */
export const gifts = pgTable(
  "gifts",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    cost: integer("cost").notNull(),
    stock: integer("stock").notNull(),
    /** An https URL, or null. */
    pictureUrl: text("picture_url"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("gifts_name_key").on(sql`lower(${t.name})`), check("gifts_stock_nonnegative", sql`${t.stock} >= 0`), check("gifts_cost_positive", sql`${t.cost} > 0`)],
);

/** A participant's request for one gift, and what an admin decided. The credits are spent when it is requested. */
export const redemptions = pgTable(
  "redemptions",
  {
    id: serial("id").primaryKey(),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    giftId: ref("gift_id", () => gifts.id),
    /** The gift's cost when requested (what a refusal refunds). */
    cost: integer("cost").notNull(),
    status: redemptionStatus("status").notNull().default("requested"),
    note: text("note").notNull().default(""),
    /** Why an admin refused it. */
    reason: text("reason"),
    decidedById: integer("decided_by_id").references(() => participants.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("redemptions_status_idx").on(t.status, t.id), index("redemptions_participant_idx").on(t.participantId)],
);

/** How a team's credits are split among its members (weights); no rows: an equal split. */
export const teamCreditShares = pgTable(
  "team_credit_shares",
  {
    teamId: ref("team_id", () => teams.id, "cascade"),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    share: integer("share").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.participantId] }), check("team_credit_shares_nonnegative", sql`${t.share} >= 0`)],
);

export type WalletEntry = typeof walletEntries.$inferSelect;
export type Gift = typeof gifts.$inferSelect;
export type Redemption = typeof redemptions.$inferSelect;
