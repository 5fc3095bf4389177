import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, repositories, seasons, seasonRepoTotals, seasonTotals } from "@/db/schema";
import type { DifficultyTotals } from "@/db/schema";

export type LeaderboardEntry = {
  rank: number | null;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  score: number;
  tasks: number;
  byDifficulty: DifficultyTotals;
  reachedAt: string;
};

export type Leaderboard = { season: { slug: string; name: string }; total: number; entries: LeaderboardEntry[] };

export type LeaderboardQuery = { slug: string; limit: number; offset: number; repo?: string | null };

/**
 * A season's ranking: standard competition ranking (1, 2, 2, 4) on points; within a tie whoever reached
 * the score first comes first, then login. Unranked logins (staff) are listed with their points but take
 * no rank. Null when the season (or the repository filter) is unknown.
 */
export async function getLeaderboard(db: Executor, q: LeaderboardQuery): Promise<Leaderboard | null> {
  const [season] = await db.select({ id: seasons.id, slug: seasons.slug, name: seasons.name, unranked: seasons.unranked }).from(seasons).where(eq(seasons.slug, q.slug));
  if (!season) return null;
  const unranked = season.unranked.map((u) => u.toLowerCase());
  const unrankedSql = unranked.length ? sql`lower(${participants.login}) in (${sql.join(unranked.map((u) => sql`${u}`), sql`, `)})` : sql`false`;

  let source;
  if (q.repo) {
    const [repo] = await db.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, q.repo.toLowerCase()));
    if (!repo) return { season: { slug: season.slug, name: season.name }, total: 0, entries: [] };
    source = db
      .select({
        participantId: seasonRepoTotals.participantId,
        points: seasonRepoTotals.points,
        tasks: seasonRepoTotals.tasks,
        byDifficulty: seasonRepoTotals.byDifficulty,
        reachedAt: seasonRepoTotals.reachedAt,
      })
      .from(seasonRepoTotals)
      .where(and(eq(seasonRepoTotals.seasonId, season.id), eq(seasonRepoTotals.repositoryId, repo.id)))
      .as("totals");
  } else {
    source = db
      .select({
        participantId: seasonTotals.participantId,
        points: seasonTotals.points,
        tasks: seasonTotals.tasks,
        byDifficulty: seasonTotals.byDifficulty,
        reachedAt: seasonTotals.reachedAt,
      })
      .from(seasonTotals)
      .where(eq(seasonTotals.seasonId, season.id))
      .as("totals");
  }
  const rows = await db
    .select({
      login: participants.login,
      name: participants.name,
      avatarUrl: participants.avatarUrl,
      score: source.points,
      tasks: source.tasks,
      byDifficulty: source.byDifficulty,
      reachedAt: source.reachedAt,
      unranked: sql<boolean>`${unrankedSql}`,
      rank: sql<number>`rank() over (partition by ${unrankedSql} order by ${source.points} desc)`,
      total: sql<number>`count(*) over ()`,
    })
    .from(source)
    .innerJoin(participants, eq(participants.id, source.participantId))
    .where(eq(participants.isBot, false))
    .orderBy(sql`${source.points} desc`, sql`${source.reachedAt} asc`, sql`lower(${participants.login}) asc`)
    .limit(q.limit)
    .offset(q.offset);
  const total = rows[0] ? Number(rows[0].total) : await countRows(db, season.id, q.repo);
  return {
    season: { slug: season.slug, name: season.name },
    total,
    entries: rows.map((r) => ({
      rank: r.unranked ? null : Number(r.rank),
      login: r.login,
      name: r.name,
      avatarUrl: r.avatarUrl,
      score: r.score,
      tasks: r.tasks,
      byDifficulty: r.byDifficulty,
      reachedAt: r.reachedAt.toISOString(),
    })),
  };
}

async function countRows(db: Executor, seasonId: number, repo?: string | null): Promise<number> {
  void repo;
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(seasonTotals).where(eq(seasonTotals.seasonId, seasonId));
  return Number(row?.n ?? 0);
}

/** The viewer's own place in a season (for "you are #312" when their row is on another page). */
export async function getOwnStanding(db: Executor, slug: string, login: string): Promise<{ rank: number | null; score: number; position: number } | null> {
  const [season] = await db.select({ id: seasons.id, unranked: seasons.unranked }).from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const [me] = await db
    .select({ points: seasonTotals.points, reachedAt: seasonTotals.reachedAt })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(and(eq(seasonTotals.seasonId, season.id), eq(sql`lower(${participants.login})`, login.toLowerCase())));
  if (!me) return null;
  const unranked = season.unranked.map((u) => u.toLowerCase());
  const notUnranked = unranked.length ? sql`lower(${participants.login}) not in (${sql.join(unranked.map((u) => sql`${u}`), sql`, `)})` : sql`true`;
  const [counts] = await db
    .select({
      higher: sql<number>`count(*) filter (where ${seasonTotals.points} > ${me.points} and ${notUnranked})`,
      before: sql<number>`count(*) filter (where ${seasonTotals.points} > ${me.points} or (${seasonTotals.points} = ${me.points} and ${seasonTotals.reachedAt} < ${me.reachedAt.toISOString()}::timestamptz))`,
    })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(and(eq(seasonTotals.seasonId, season.id), eq(participants.isBot, false)));
  const isUnranked = unranked.includes(login.toLowerCase());
  return { rank: isUnranked ? null : Number(counts?.higher ?? 0) + 1, score: me.points, position: Number(counts?.before ?? 0) };
}
