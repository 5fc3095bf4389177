import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { seasons } from "./seasons";
import { pullRequests, tasks } from "./tasks";

/**
 * Every change a person made (score overrides, per-PR marks, assignments, point awards, roles,
 * seasons): who, when, old → new, why. Append-only. Point changes are also in the score ledger.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    seasonId: integer("season_id").references(() => seasons.id, { onDelete: "cascade" }),
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "cascade" }),
    pullRequestId: integer("pull_request_id").references(() => pullRequests.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => participants.id),
    action: text("action").notNull(),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_season_idx").on(t.seasonId, t.createdAt), index("audit_events_task_idx").on(t.taskId, t.createdAt)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
