import { index, integer, pgEnum, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { repositories } from "./seasons";
import { ref } from "./ref";

export const roleName = pgEnum("role_name", ["admin", "maintainer"]);

/**
 * Roles after the community's governance: admins, and maintainers of given repositories.
 * Anyone signed in is a participant; that needs no row.
 */
export const roles = pgTable(
  "roles",
  {
    id: serial("id").primaryKey(),
    participantId: ref("participant_id", () => participants.id, "cascade"),
    role: roleName("role").notNull(),
    /** Set for maintainers (the repository they maintain); null for admins. */
    repositoryId: integer("repository_id").references(() => repositories.id, { onDelete: "cascade" }),
    /** Who granted it: a login, `season:<slug>` for a season file, or `cli`. */
    grantedBy: text("granted_by").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("roles_participant_role_repo_key").on(t.participantId, t.role, t.repositoryId).nullsNotDistinct(),
    index("roles_repository_idx").on(t.repositoryId),
  ],
);

export type Role = typeof roles.$inferSelect;
