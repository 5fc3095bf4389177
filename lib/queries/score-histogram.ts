import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasonRepoTotals, seasonTotals } from "@/db/schema";
import { microCache } from "@/lib/cache/micro-cache";

/** How many participants hold each score in a season (or one repository of it), highest score first. */
export type ScoreHistogram = {
  total: number;
  /** Distinct scores, descending, with how many hold each and how many hold more. */
  scores: { points: number; n: number; above: number }[];
};

/** The totals of a season (`season_totals`), or of one repository in it (`season_repo_totals`), and the rows' scope. */
export function totalsOf(seasonId: number, repositoryId: number | null) {
  return repositoryId === null
    ? { t: seasonTotals, scope: eq(seasonTotals.seasonId, seasonId) }
    : { t: seasonRepoTotals, scope: and(eq(seasonRepoTotals.seasonId, seasonId), eq(seasonRepoTotals.repositoryId, repositoryId)) };
}

const histograms = microCache<ScoreHistogram>("q:score-histogram", { ttlMs: 500 });

/**
 * The season's scores, counted by one index-only pass over (season, points) and then shared for half a
 * second (see lib/cache/micro-cache.ts): every rank and the total come from it, so a page or a profile
 * costs no count over the whole season. Changes of totals in this process refresh it at once.
 */
export function scoreHistogram(db: Executor, seasonId: number, repositoryId: number | null): Promise<ScoreHistogram> {
  return histograms(db, `${seasonId}:${repositoryId ?? "*"}`, async () => {
    const { t, scope } = totalsOf(seasonId, repositoryId);
    const rows = await db
      .select({ points: t.points, n: sql<number>`count(*)::int` })
      .from(t)
      .where(scope)
      .groupBy(t.points)
      .orderBy(sql`${t.points} desc nulls last`);
    let above = 0;
    const scores = rows.map((r) => {
      const s = { points: r.points, n: Number(r.n), above };
      above += s.n;
      return s;
    });
    return { total: above, scores };
  });
}

/** How many hold more than `points` (binary search over the descending scores). */
export function countAbove(h: ScoreHistogram, points: number): number {
  let lo = 0;
  let hi = h.scores.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.scores[mid]!.points > points) lo = mid + 1;
    else hi = mid;
  }
  return lo < h.scores.length ? h.scores[lo]!.above : h.total;
}

/** Competition rank of a score: 1 + the ranked participants above it (`unrankedPoints`: the staff's scores). */
export function rankOfScore(h: ScoreHistogram, points: number, unrankedPoints: readonly number[]): number {
  return 1 + countAbove(h, points) - unrankedPoints.filter((p) => p > points).length;
}

/** The scores the season's unranked logins (staff) hold, which ranks leave out. */
export async function unrankedScores(db: Executor, seasonId: number, logins: readonly string[], repositoryId: number | null = null): Promise<number[]> {
  if (logins.length === 0) return [];
  const { t, scope } = totalsOf(seasonId, repositoryId);
  const rows = await db
    .select({ points: t.points })
    .from(t)
    .innerJoin(participants, eq(participants.id, t.participantId))
    .where(and(scope, sql`lower(${participants.login}) in (${sql.join(logins.map((u) => sql`${u.toLowerCase()}`), sql`, `)})`));
  return rows.map((r) => r.points);
}
