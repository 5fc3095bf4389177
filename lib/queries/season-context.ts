import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { seasons } from "@/db/schema";
import type { SeasonSummary } from "@/lib/api/schemas";
import { listedRepos } from "./season-repos";
import { seasonCounts } from "./seasons";

/** A season's stored row, as the queries that take one read it (`getLeaderboard`, `getTeamRanking`, …). */
export type SeasonRow = typeof seasons.$inferSelect;

/** A season as a page needs it: the API's summary and the row, read once (the page's `seasonContext`). */
export type SeasonContext = SeasonSummary & { row: SeasonRow };

/** The queries that take a season accept its slug (they look it up) or its row (read once by the caller). */
export type SeasonRef = string | SeasonRow;

/** The season's row: the one given, or read by slug. */
export async function seasonRowOf(db: Executor, ref: SeasonRef): Promise<SeasonRow | null> {
  if (typeof ref !== "string") return ref;
  const [row] = await db.select().from(seasons).where(eq(seasons.slug, ref));
  return row ?? null;
}

/**
 * One season's row, its repositories and its counts (the counts are shared by all seasons for half a second):
 * one read of `seasons`, where the season list reads them all.
 */
export async function loadSeasonContext(db: Executor, slug: string): Promise<SeasonContext | null> {
  const row = await seasonRowOf(db, slug);
  if (!row) return null;
  const [repos, counts] = await Promise.all([listedRepos(db, row.id), seasonCounts(db)]);
  const countOf = (list: { seasonId: number; n: number }[]) => Number(list.find((c) => c.seasonId === row.id)?.n ?? 0);
  return {
    slug: row.slug,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    repos,
    participants: countOf(counts.participants),
    tasks: countOf(counts.tasks),
    row,
  };
}
