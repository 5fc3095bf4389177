import type { Executor } from "@/db/client";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { NO_DIFFICULTY } from "@/lib/scoring/totals";
import { seasons } from "@/db/schema";
import { eq } from "drizzle-orm";
import type { LeaderboardResponse } from "./schemas";

/** The contract's leaderboard: every season difficulty present (zero when none), nothing internal. */
export async function leaderboardResponse(db: Executor, q: { slug: string; limit: number; offset: number; repo?: string }): Promise<LeaderboardResponse | null> {
  const board = await getLeaderboard(db, q);
  if (!board) return null;
  const [season] = await db.select({ difficulties: seasons.difficulties }).from(seasons).where(eq(seasons.slug, q.slug));
  // Difficulties in the order of their default scores (easy, medium, hard): JSONB does not keep the file's order.
  const defaults = season?.difficulties ?? {};
  const difficulties = Object.keys(defaults).sort((a, b) => (defaults[a] ?? 0) - (defaults[b] ?? 0) || a.localeCompare(b));
  return {
    season: board.season,
    total: board.total,
    entries: board.entries.map((e) => ({
      rank: e.rank,
      login: e.login,
      name: e.name,
      avatarUrl: e.avatarUrl,
      score: e.score,
      tasks: e.tasks,
      byDifficulty: Object.fromEntries(
        [...new Set([...difficulties, ...Object.keys(e.byDifficulty).filter((d) => d !== NO_DIFFICULTY)])].map((d) => [d, e.byDifficulty[d] ?? { tasks: 0, score: 0 }]),
      ),
    })),
  };
}
