import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, repositories, seasonTotals } from "@/db/schema";
import type { DifficultyTotals } from "@/db/schema";
import { countAbove, rankOfScore, scoreHistogram, totalsOf, unrankedScores } from "./score-histogram";
import { seasonRowOf, type SeasonRef, type SeasonRow } from "./season-context";
import { currentTeams, unrankedLogins } from "./teams";

export type LeaderboardEntry = {
  rank: number | null;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  score: number;
  tasks: number;
  byDifficulty: DifficultyTotals;
  reachedAt: string;
  /** The member's team now (joined, not left), or null. */
  team: string | null;
  /** Shown with their points, without a rank (staff, or a member of an unranked team). */
  unranked: boolean;
  /** The participant hid themselves from public rankings (#19): anonymize with `anonymized` before showing. */
  hidden: boolean;
};

export type Leaderboard = { season: { slug: string; name: string }; total: number; entries: LeaderboardEntry[] };

export type LeaderboardQuery = {
  slug: string;
  limit: number;
  offset: number;
  repo?: string | null;
  /** The season's row and its unranked logins when the caller has read them already (the ranking page). */
  season?: SeasonRow;
  unranked?: readonly string[];
};

/**
 * A season's ranking: standard competition ranking (1, 2, 2, 4) on points; within a tie whoever reached
 * the score first comes first, then login. Unranked logins (staff) are listed with their points but take
 * no rank. Null when the season is unknown.
 *
 * Reads only what the page shows: the page's rows through the (season, points desc, reached_at) index;
 * each score's rank is 1 + the number of ranked participants above it, and the total the sum, both from
 * the season's score histogram (`score-histogram.ts`); never a window over the whole season.
 */
export async function getLeaderboard(db: Executor, q: LeaderboardQuery): Promise<Leaderboard | null> {
  const season = await seasonRowOf(db, q.season ?? q.slug);
  if (!season) return null;
  const head = { season: { slug: season.slug, name: season.name } };
  const unranked = q.unranked ?? (await unrankedLogins(db, season.id, season.unranked));

  let repositoryId: number | null = null;
  if (q.repo) {
    const [repo] = await db.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, q.repo.toLowerCase()));
    if (!repo) return { ...head, total: 0, entries: [] };
    repositoryId = repo.id;
  }
  const { t, scope } = totalsOf(season.id, repositoryId);

  // The page first (an index scan that stops after offset + limit rows), then its participants.
  const page = db
    .select({ participantId: t.participantId, points: t.points, tasks: t.tasks, byDifficulty: t.byDifficulty, reachedAt: t.reachedAt, loginKey: t.loginKey })
    .from(t)
    .where(scope)
    // "nulls last" as in season_totals_rank_idx (points is never null): without it the index cannot give the order.
    .orderBy(sql`${t.points} desc nulls last`, sql`${t.reachedAt} asc`, sql`${t.loginKey} asc`)
    .limit(q.limit)
    .offset(q.offset)
    .as("page");
  const rows = await db
    .select({
      participantId: page.participantId,
      login: participants.login,
      name: participants.name,
      avatarUrl: participants.avatarUrl,
      hidden: participants.hidden,
      score: page.points,
      tasks: page.tasks,
      byDifficulty: page.byDifficulty,
      reachedAt: page.reachedAt,
    })
    .from(page)
    .innerJoin(participants, eq(participants.id, page.participantId))
    .orderBy(sql`${page.points} desc`, sql`${page.reachedAt} asc`, sql`${page.loginKey} asc`);

  // The total and every rank from the season's score histogram (shared for half a second), and the staff's scores.
  const histogram = await scoreHistogram(db, season.id, repositoryId);
  const unrankedPoints = await unrankedScores(db, season.id, unranked, repositoryId);
  const teamOf = await currentTeams(db, season.id, rows.map((r) => r.participantId));
  return {
    ...head,
    total: histogram.total,
    entries: rows.map((r) => ({
      rank: unranked.includes(r.login.toLowerCase()) ? null : rankOfScore(histogram, r.score, unrankedPoints),
      team: teamOf.get(r.participantId) ?? null,
      unranked: unranked.includes(r.login.toLowerCase()),
      login: r.login,
      name: r.name,
      avatarUrl: r.avatarUrl,
      hidden: r.hidden,
      score: r.score,
      tasks: r.tasks,
      byDifficulty: r.byDifficulty,
      reachedAt: r.reachedAt.toISOString(),
    })),
  };
}

/** The viewer's own place in a season (for "you are #312" when their row is on another page). */
export async function getOwnStanding(
  db: Executor,
  ref: SeasonRef,
  login: string,
  known: { unranked?: readonly string[] } = {},
): Promise<{ rank: number | null; score: number; position: number } | null> {
  const season = await seasonRowOf(db, ref);
  if (!season) return null;
  const [me] = await db
    .select({ points: seasonTotals.points, reachedAt: seasonTotals.reachedAt })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(and(eq(seasonTotals.seasonId, season.id), eq(sql`lower(${participants.login})`, login.toLowerCase())));
  if (!me) return null;
  const unranked = known.unranked ?? (await unrankedLogins(db, season.id, season.unranked));
  const histogram = await scoreHistogram(db, season.id, null);
  const unrankedPoints = await unrankedScores(db, season.id, unranked);
  // Rows before this one: every higher score, and the same score reached earlier (an index range).
  const [tied] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(seasonTotals)
    .where(and(eq(seasonTotals.seasonId, season.id), eq(seasonTotals.points, me.points), sql`${seasonTotals.reachedAt} < ${me.reachedAt.toISOString()}::timestamptz`));
  const isUnranked = unranked.includes(login.toLowerCase());
  return {
    rank: isUnranked ? null : rankOfScore(histogram, me.points, unrankedPoints),
    score: me.points,
    position: countAbove(histogram, me.points) + Number(tied?.n ?? 0),
  };
}
