import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A sign-up issue as last read from GitHub (the import's search or an `issues` webhook), kept whole so a season's
 * registration can be derived again from all of them (`lib/registration/derive.ts`): any repository and title; the
 * season's `registration` says which are its sign-ups.
 */
export const signUpIssues = pgTable(
  "sign_up_issues",
  {
    /** `owner/name`, lower case. */
    repo: text("repo").notNull(),
    number: integer("number").notNull(),
    author: text("author").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    state: text("state").$type<"OPEN" | "CLOSED">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** GitHub's `updatedAt`: an older copy (a late webhook) never overwrites a newer one. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.repo, t.number] }), index("sign_up_issues_repo_created_idx").on(t.repo, t.createdAt)],
);
