import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
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
 * no rank. Null when the season is unknown.
 *
 * Reads only what the page shows: the page's rows through the (season, points desc, reached_at) index,
 * then each distinct score's rank as 1 + the number of ranked participants above it (an index range
 * count), and the total as an index-only count; never a window over the whole season.
 */
export async function getLeaderboard(db: Executor, q: LeaderboardQuery): Promise<Leaderboard | null> {
  const [season] = await db.select({ id: seasons.id, slug: seasons.slug, name: seasons.name, unranked: seasons.unranked }).from(seasons).where(eq(seasons.slug, q.slug));
  if (!season) return null;
  const head = { season: { slug: season.slug, name: season.name } };
  const unranked = season.unranked.map((u) => u.toLowerCase());

  let repositoryId: number | null = null;
  if (q.repo) {
    const [repo] = await db.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, q.repo.toLowerCase()));
    if (!repo) return { ...head, total: 0, entries: [] };
    repositoryId = repo.id;
  }
  const t = repositoryId === null ? seasonTotals : seasonRepoTotals;
  const scope =
    repositoryId === null
      ? eq(seasonTotals.seasonId, season.id)
      : and(eq(seasonRepoTotals.seasonId, season.id), eq(seasonRepoTotals.repositoryId, repositoryId));

  const rows = await db
    .select({
      login: participants.login,
      name: participants.name,
      avatarUrl: participants.avatarUrl,
      score: t.points,
      tasks: t.tasks,
      byDifficulty: t.byDifficulty,
      reachedAt: t.reachedAt,
    })
    .from(t)
    .innerJoin(participants, eq(participants.id, t.participantId))
    .where(scope)
    .orderBy(sql`${t.points} desc`, sql`${t.reachedAt} asc`, sql`lower(${participants.login}) asc`)
    .limit(q.limit)
    .offset(q.offset);

  const [{ n: total } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(t).where(scope);
  // Unranked participants are few (staff): their ids, to leave them out of the counts above each score.
  const unrankedIds = unranked.length
    ? (await db.select({ id: participants.id }).from(participants).where(sql`lower(${participants.login}) in (${sql.join(unranked.map((u) => sql`${u}`), sql`, `)})`)).map((r) => r.id)
    : [];
  // One round trip: for each distinct score on the page, how many ranked participants are above it.
  const scores = [...new Set(rows.map((r) => r.score))];
  const rankOf = new Map<number, number>();
  if (scores.length > 0) {
    const notUnranked = unrankedIds.length ? sql`and ${t.participantId} not in (${sql.join(unrankedIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
    const result = await db.execute(sql`
      select v.score::int as score,
             (select count(*)::int from ${t} where ${scope} and ${t.points} > v.score ${notUnranked}) as above
      from unnest(array[${sql.join(scores.map((x) => sql`${x}`), sql`, `)}]::int[]) as v(score)`);
    for (const r of rowsOf<{ score: number; above: number }>(result)) rankOf.set(Number(r.score), Number(r.above) + 1);
  }
  return {
    ...head,
    total: Number(total),
    entries: rows.map((r) => ({
      rank: unranked.includes(r.login.toLowerCase()) ? null : rankOf.get(r.score)!,
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
