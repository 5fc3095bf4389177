import type { Executor } from "@/db/client";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { NO_DIFFICULTY } from "@/lib/scoring/totals";
import { seasons } from "@/db/schema";
import { eq } from "drizzle-orm";
import { getTeamRanking } from "@/lib/queries/teams";
import type { DifficultyTotals } from "@/db/schema";
import type { LeaderboardResponse, TeamLeaderboardResponse } from "./schemas";
import { anonymized } from "@/lib/participants/privacy";

/** The contract's leaderboard: every season difficulty present (zero when none), nothing internal. */
export async function leaderboardResponse(db: Executor, q: { slug: string; limit: number; offset: number; repo?: string }): Promise<LeaderboardResponse | null> {
  const board = await getLeaderboard(db, q);
  if (!board) return null;
  const withAll = await difficultiesOf(db, q.slug);
  return {
    season: board.season,
    total: board.total,
    // The public API: a hidden participant is anonymized for everyone (the response is shared, not per viewer).
    entries: board.entries.map((row) => anonymized(row, null)).map((e) => ({
      rank: e.rank,
      login: e.login,
      name: e.name,
      avatarUrl: e.avatarUrl,
      score: e.score,
      tasks: e.tasks,
      byDifficulty: withAll(e.byDifficulty),
      team: e.team,
      unranked: e.unranked,
    })),
  };
}

/** The season's difficulties in the order of their default scores (easy, medium, hard): JSONB does not keep the file's order. */
async function difficultiesOf(db: Executor, slug: string): Promise<(b: DifficultyTotals) => DifficultyTotals> {
  const [season] = await db.select({ difficulties: seasons.difficulties }).from(seasons).where(eq(seasons.slug, slug));
  const defaults = season?.difficulties ?? {};
  const difficulties = Object.keys(defaults).sort((a, b) => (defaults[a] ?? 0) - (defaults[b] ?? 0) || a.localeCompare(b));
  return (b) =>
    Object.fromEntries([...new Set([...difficulties, ...Object.keys(b).filter((d) => d !== NO_DIFFICULTY)])].map((d) => [d, b[d] ?? { tasks: 0, score: 0 }]));
}

/** `?view=teams`: the season's teams ranked, a page of them. */
export async function teamLeaderboardResponse(db: Executor, q: { slug: string; limit: number; offset: number }): Promise<TeamLeaderboardResponse | null> {
  const [season] = await db.select({ slug: seasons.slug, name: seasons.name }).from(seasons).where(eq(seasons.slug, q.slug));
  const ranking = season ? await getTeamRanking(db, q.slug) : null;
  if (!season || !ranking) return null;
  const withAll = await difficultiesOf(db, q.slug);
  return {
    season: { slug: season.slug, name: season.name },
    total: ranking.length,
    entries: ranking.slice(q.offset, q.offset + q.limit).map((t) => ({
      rank: t.rank,
      team: t.name,
      // A hidden member is left out of the public list (their points still count for the team).
      members: t.members.filter((m) => !m.hidden).map((m) => m.login),
      score: t.score,
      tasks: t.tasks,
      byDifficulty: withAll(t.byDifficulty),
      unranked: t.unranked,
    })),
  };
}
