import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasonResults, seasons } from "@/db/schema";
import type { SeasonSummary } from "@/lib/api/schemas";
import { awardPrizes, type Ranking } from "@/lib/scoring/prizes";
import type { SeasonPrize, SeasonRules } from "@/lib/seasons/season-file";
import { seasonRowOf, type SeasonRef } from "./season-context";
import { listSeasons } from "./seasons";
import type { CertificateInput } from "@/lib/report/certificate";

/** `login` is null for a participant who hid themselves (#19): their prize, rank and score are kept, their name is not. */
export type PrizeWinner = { login: string | null; rank: number | null; score: number } | { team: string; rank: number | null; score: number };
export type FinalPrize = { name: string; winners: PrizeWinner[]; tiedAtBoundary: Ranking[] };

/** A final season's prizes from its frozen results, in the season file's order (empty while the season is live). */
export async function finalPrizes(db: Executor, season: { id: number; options: { prizes?: SeasonPrize[] } }): Promise<FinalPrize[]> {
  const rows = await db
    .select({ ranking: seasonResults.ranking, name: seasonResults.name, rank: seasonResults.rank, score: seasonResults.score, prizes: seasonResults.prizes })
    .from(seasonResults)
    .where(and(eq(seasonResults.seasonId, season.id), sql`jsonb_array_length(${seasonResults.prizes}) > 0`))
    .orderBy(asc(seasonResults.ranking), asc(seasonResults.position));
  const prizes = season.options.prizes ?? [];
  const keys = rows.filter((r) => r.ranking === "individuals").map((r) => r.name.toLowerCase());
  const hidden = new Set(
    keys.length === 0
      ? []
      : (await db.select({ login: participants.login }).from(participants).where(and(eq(participants.hidden, true), inArray(sql`lower(${participants.login})`, keys)))).map((p) => p.login.toLowerCase()),
  );
  // Which rankings had a tie at a prize's last rank: worked out again from the frozen winners (awardPrizes is pure).
  const ties = new Map(awardPrizes(prizes, rows).map((o) => [o.name, o.tiedAtBoundary]));
  return prizes.map((p) => ({
    name: p.name,
    tiedAtBoundary: ties.get(p.name) ?? [],
    winners: rows
      .filter((r) => r.prizes.includes(p.name))
      .map((r) => (r.ranking === "teams" ? { team: r.name, rank: r.rank, score: r.score } : { login: hidden.has(r.name.toLowerCase()) ? null : r.name, rank: r.rank, score: r.score })),
  }));
}

export type SeasonDetail = SeasonSummary & { final: boolean; finalizedAt: string | null; rules: SeasonRules; prizes?: FinalPrize[] };

/** `GET /api/seasons/{slug}`: the season as listed, whether it is final, its rules, and when final its prizes. */
export async function getSeasonDetail(db: Executor, slug: string): Promise<SeasonDetail | null> {
  const summary = (await listSeasons(db)).find((s) => s.slug === slug);
  if (!summary) return null;
  const [season] = await db.select({ id: seasons.id, rules: seasons.rules, options: seasons.options, finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const head = { ...summary, final: season.finalizedAt !== null, finalizedAt: season.finalizedAt?.toISOString() ?? null, rules: season.rules };
  return season.finalizedAt ? { ...head, prizes: await finalPrizes(db, season) } : head;
}

/** A participant's frozen standing in one final season: what their certificate prints, less its URL. */
export type FinalStanding = Omit<CertificateInput, "url"> & { slug: string };

/** A participant's frozen results in final seasons, newest season first (their own standing in each). */
export async function finalStandings(db: Executor, login: string, slug?: string): Promise<FinalStanding[]> {
  const rows = await db
    .select({
      slug: seasons.slug,
      season: seasons.name,
      finalizedAt: seasons.finalizedAt,
      login: seasonResults.name,
      name: participants.name,
      rank: seasonResults.rank,
      score: seasonResults.score,
      tasks: seasonResults.tasks,
      prizes: seasonResults.prizes,
    })
    .from(seasonResults)
    .innerJoin(seasons, eq(seasons.id, seasonResults.seasonId))
    .leftJoin(participants, eq(participants.id, seasonResults.participantId))
    .where(and(eq(seasonResults.ranking, "individuals"), eq(seasonResults.nameKey, login.toLowerCase()), isNotNull(seasons.finalizedAt), slug ? eq(seasons.slug, slug) : undefined))
    .orderBy(desc(seasons.startsAt));
  return rows.map((r) => ({ ...r, finalizedAt: r.finalizedAt!.toISOString() }));
}

/** For the ranking page: when the season was finalized and its prizes, or null while it is live (one query then). */
export async function finalState(db: Executor, ref: SeasonRef): Promise<{ finalizedAt: string; prizes: FinalPrize[] } | null> {
  const s = await seasonRowOf(db, ref);
  if (!s?.finalizedAt) return null;
  return { finalizedAt: s.finalizedAt.toISOString(), prizes: await finalPrizes(db, s) };
}
