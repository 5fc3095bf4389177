import { sql } from "drizzle-orm";
import { pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { ref } from "./ref";

/** The governance seed's Developer Group roles, lowest first (`lib/rules/community.ts` holds the order). */
export const communityRoleName = pgEnum("community_role", ["contributor", "active-contributor", "reviewer", "committer", "maintainer"]);

/**
 * A participant's community role and SIG memberships, as the last `community import` left them (one row per
 * member; a participant without a row holds no community role). Not Podium's own roles (`roles`): these say
 * who someone is in the project's community, and gates with `waivedFrom` read them.
 */
export const communityMembers = pgTable("community_members", {
  participantId: ref("participant_id", () => participants.id, "cascade").primaryKey(),
  role: communityRoleName("role").notNull(),
  /** SIG names, sorted, without duplicates. */
  sigs: text("sigs").array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CommunityMember = typeof communityMembers.$inferSelect;
