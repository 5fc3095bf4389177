import { bigint, boolean, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters shared by every instance on this database (lib/security/shared-rate-limit.ts): one row
 * per limiter (`bucket`) and client, holding the current fixed window's count and the previous window's, from
 * which the sliding count is weighed. Rows more than a window old are deleted by the limiters themselves.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    /** ⌊time / window length⌋ of the window `hits` counts. */
    windowIndex: bigint("window_index", { mode: "number" }).notNull(),
    hits: integer("hits").notNull(),
    previousHits: integer("previous_hits").notNull(),
    /** Whether the latest request was let through (read back by the same statement that counted it). */
    lastOk: boolean("last_ok").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] })],
);
