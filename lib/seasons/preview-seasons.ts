import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rolledBack } from "@/db/transaction";
import { participants, seasons, seasonTotals } from "@/db/schema";
import { competitionRanks, getTeamRanking } from "@/lib/queries/teams";
import { applySeasons, type SeasonChange } from "./apply-seasons";
import { rankingMoves, type RankingMove, type Standing } from "./ranking-moves";
import type { SeasonFile } from "./season-file";

export type SeasonPreview = { changes: SeasonChange[]; moves: RankingMove[] };
type Rankings = Map<string, { individuals: Map<string, Standing & { name: string }>; teams: Map<string, Standing & { name: string }> }>;

/**
 * What applying these season files would do — the changes, and who would move in each ranking by how many
 * points — computed by applying them in a transaction that is rolled back: nothing is written. Reads go to
 * the tables, never to the shared read caches (which must not see, or serve, a what-if).
 */
export async function previewSeasons(db: Executor, files: SeasonFile[]): Promise<SeasonPreview> {
  return rolledBack(db, async (tx) => {
    const slugs = files.map((f) => f.slug);
    const before = await rankings(tx, slugs);
    const changes = await applySeasons(tx, files);
    const after = await rankings(tx, slugs);
    const moves: RankingMove[] = [];
    for (const slug of slugs) {
      const b = before.get(slug);
      const a = after.get(slug);
      if (!a) continue;
      moves.push(...rankingMoves(slug, "individuals", b?.individuals ?? new Map(), a.individuals));
      moves.push(...rankingMoves(slug, "teams", b?.teams ?? new Map(), a.teams));
    }
    return { changes, moves };
  });
}

async function rankings(tx: Executor, slugs: string[]): Promise<Rankings> {
  const out: Rankings = new Map();
  const rows = await tx.select({ id: seasons.id, slug: seasons.slug, unranked: seasons.unranked }).from(seasons).where(inArray(seasons.slug, slugs));
  for (const season of rows) {
    const unranked = new Set(season.unranked.map((u) => u.toLowerCase()));
    const totals = await tx
      .select({ login: participants.login, score: seasonTotals.points, reachedAt: seasonTotals.reachedAt })
      .from(seasonTotals)
      .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
      .where(eq(seasonTotals.seasonId, season.id));
    totals.sort((a, b) => b.score - a.score || a.reachedAt.getTime() - b.reachedAt.getTime() || a.login.localeCompare(b.login));
    const ranked = competitionRanks(totals.map((t) => ({ ...t, unranked: unranked.has(t.login.toLowerCase()) })));
    const individuals = new Map(ranked.map((r) => [r.login.toLowerCase(), { name: r.login, rank: r.rank, score: r.score }]));
    const teamRows = (await getTeamRanking(tx, season.slug)) ?? [];
    const teams = new Map(teamRows.map((t) => [t.name.toLowerCase(), { name: t.name, rank: t.rank, score: t.score }]));
    out.set(season.slug, { individuals, teams });
  }
  return out;
}
