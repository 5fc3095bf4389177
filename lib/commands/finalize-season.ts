import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { participants, seasonResults, seasons, seasonTotals, type NewSeasonResult } from "@/db/schema";
import { publishChange } from "@/lib/cache/changes";
import { NotFoundError } from "@/lib/errors";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { getTeamRanking } from "@/lib/queries/teams";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { awardPrizes, entryKey, finalizableFrom, prizesByEntry, type Contender } from "@/lib/scoring/prizes";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { ZSlug } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";
import { ZReason } from "./fields";
import { audit } from "./load";
import { refusals } from "./refusals";

export const ZFinalizeSeason = z.object({ slug: ZSlug });
export const ZReopenSeason = z.object({ slug: ZSlug, reason: ZReason });

/** The season, locked for this transaction (finalize and reopen of one season take turns). */
async function lockSeason(tx: Executor, slug: string) {
  const [season] = await tx.select().from(seasons).where(eq(seasons.slug, slug)).for("update");
  if (!season) throw new NotFoundError(`season ${slug}`);
  return season;
}

/** Both rankings as they stand (read through the leaderboard and team queries), with the prizes each entry won. */
export async function standingsWithPrizes(tx: Executor, slug: string, prizes: Parameters<typeof awardPrizes>[0]) {
  const board = await getLeaderboard(tx, { slug, limit: 1_000_000, offset: 0 });
  const teams = (await getTeamRanking(tx, slug)) ?? [];
  const individuals = (board?.entries ?? []).map((e) => ({ ranking: "individuals" as const, name: e.login, rank: e.rank, score: e.score, tasks: e.tasks }));
  // Teams' task counts where the team query gives them (the team-ownership rework adds `tasks`).
  const teamRows = teams.map((t) => ({ ranking: "teams" as const, name: t.name, rank: t.rank, score: t.score, tasks: "tasks" in t && typeof t.tasks === "number" ? t.tasks : null }));
  const contenders: (Contender & { tasks: number | null })[] = [...individuals, ...teamRows];
  const outcomes = awardPrizes(prizes, contenders);
  return { contenders, outcomes, won: prizesByEntry(outcomes) };
}

/**
 * An admin finalizes a season once `endsAt + graceDays` has passed: both rankings and their prizes are
 * stored in `season_results` and `finalized_at` is set, in one transaction. From then on imports are
 * stored but change no award and no total (`awardSeason`, `refreshTotals`), until the season is reopened.
 */
export const finalizeSeason = defineCommand({
  name: "season.finalize",
  input: ZFinalizeSeason,
  permission: "season.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("season.manage");
    const season = await lockSeason(tx, input.slug);
    if (season.finalizedAt) throw refusals.alreadyFinal(season.slug, season.finalizedAt);
    const from = finalizableFrom(season);
    if (Date.now() < from.getTime()) {
      throw refusals.finalizeTooEarly(season.slug, from, season.endsAt, season.graceDays);
    }
    const { contenders, outcomes, won } = await standingsWithPrizes(tx, season.slug, season.options.prizes ?? []);
    const ids = await participantIds(tx, season.id);
    const places = { individuals: 0, teams: 0 };
    const rows: NewSeasonResult[] = contenders.map((c) => ({
      seasonId: season.id,
      ranking: c.ranking,
      position: (places[c.ranking] += 1),
      rank: c.rank,
      participantId: c.ranking === "individuals" ? (ids.get(c.name.toLowerCase()) ?? null) : null,
      name: c.name,
      nameKey: c.name.toLowerCase(),
      score: c.score,
      tasks: c.tasks,
      prizes: won.get(entryKey(c.ranking, c.name)) ?? [],
    }));
    await tx.delete(seasonResults).where(eq(seasonResults.seasonId, season.id));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(seasonResults).values(rows.slice(i, i + 1000));
    const [done] = await tx.update(seasons).set({ finalizedAt: new Date(), updatedAt: new Date() }).where(eq(seasons.id, season.id)).returning({ at: seasons.finalizedAt });
    const summary = { entries: rows.length, prizes: outcomes.map((o) => ({ name: o.name, winners: o.winners.length })) };
    await audit(tx, { seasonId: season.id, actorId, action: "season.finalize", before: { finalizedAt: null }, after: { finalizedAt: done!.at!.toISOString(), ...summary } });
    await publishChange(tx);
    return { slug: season.slug, finalizedAt: done!.at!, ...summary };
  },
});

/** Lower-case login → participant id, for the season's totals (the frozen rows keep the link). */
async function participantIds(tx: Executor, seasonId: number): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: participants.id, login: participants.login })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(eq(seasonTotals.seasonId, seasonId));
  return new Map(rows.map((r) => [r.login.toLowerCase(), r.id]));
}

/**
 * An admin reopens a final season, with a reason: the frozen results go, `finalized_at` is cleared, and the
 * season is re-derived from what is stored (imports that arrived while it was final count now). Audited.
 */
export const reopenSeason = defineCommand({
  name: "season.reopen",
  input: ZReopenSeason,
  permission: "season.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("season.manage");
    const season = await lockSeason(tx, input.slug);
    if (!season.finalizedAt) throw refusals.notFinal(season.slug);
    await tx.delete(seasonResults).where(eq(seasonResults.seasonId, season.id));
    await tx.update(seasons).set({ finalizedAt: null, updatedAt: new Date() }).where(eq(seasons.id, season.id));
    const derived = await awardSeason(tx, await seasonForAwards(tx, season.id), "all");
    await refreshTotals(tx, season.id);
    await audit(tx, { seasonId: season.id, actorId, action: "season.reopen", before: { finalizedAt: season.finalizedAt.toISOString() }, after: { finalizedAt: null, ...derived }, reason: input.reason });
    return { slug: season.slug, ...derived };
  },
});
