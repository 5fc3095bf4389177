import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasonTotals, teamCreditShares, teamMembers, teams, walletEntries, type Season } from "@/db/schema";
import { getTeamRanking } from "@/lib/queries/teams";
import { appendLines, lockWallet, lotFigures } from "./ledger";
import { earnCorrection, splitCredits } from "./rules";

/**
 * What each participant earns in a final season, in credits (one credit a point): their own season points
 * (season_totals: only the points their teams do not own), plus their share of each team's points (the admin's
 * shares, or an equal split).
 */
export async function creditsDue(tx: Executor, season: Season): Promise<Map<number, number>> {
  const due = new Map<number, number>();
  const add = (id: number, n: number) => due.set(id, (due.get(id) ?? 0) + n);
  const totals = await tx.select({ participantId: seasonTotals.participantId, points: seasonTotals.points }).from(seasonTotals).where(eq(seasonTotals.seasonId, season.id));
  for (const t of totals) add(t.participantId, Math.max(0, t.points));
  const ranking = (await getTeamRanking(tx, season.slug)) ?? [];
  if (ranking.length === 0) return due;
  const members = await tx
    .select({ teamId: teams.id, team: teams.name, participantId: teamMembers.participantId, login: participants.login })
    .from(teams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(eq(teams.seasonId, season.id));
  const teamIds = [...new Set(members.map((m) => m.teamId))];
  const shares = teamIds.length ? await tx.select().from(teamCreditShares).where(inArray(teamCreditShares.teamId, teamIds)) : [];
  for (const row of ranking) {
    // season_totals already leaves out the points the team owns (contract, "Teams"), so nothing is taken back here.
    const mine = members.filter((m) => m.team === row.name);
    const holders = mine.map((m) => ({ participantId: m.participantId, login: m.login, share: shares.find((s) => s.teamId === m.teamId && s.participantId === m.participantId)?.share ?? 0 }));
    for (const [id, n] of splitCredits(row.score, holders)) add(id, n);
  }
  return due;
}

export type CreditResult = { season: string; participants: number; credits: number };

/**
 * Brings every wallet's lot of a final season to what is due (once-only keys: a second run writes nothing;
 * after a reopen and a new finalization it writes the difference). Wallets are locked in id order.
 */
export async function creditSeason(tx: Executor, season: Season, actorId: number | null): Promise<CreditResult> {
  const due = await creditsDue(tx, season);
  const already = await tx.selectDistinct({ id: walletEntries.participantId }).from(walletEntries).where(eq(walletEntries.lotSeasonId, season.id));
  const ids = [...new Set([...due.keys(), ...already.map((a) => a.id)])].sort((a, b) => a - b);
  let changed = 0;
  let credits = 0;
  for (const id of ids) {
    await lockWallet(tx, id);
    const lot = await lotFigures(tx, id, season.id);
    const delta = earnCorrection(due.get(id) ?? 0, lot.earned, lot.remaining);
    if (delta === 0) continue;
    await appendLines(tx, id, [
      { kind: "earn", lotSeasonId: season.id, credits: delta, actorId, reason: delta > 0 ? `points of final season ${season.slug}` : `correction after season ${season.slug} was finalized again`, sourceKey: `earn:s${season.id}:p${id}:${lot.earns}` },
    ]);
    changed += 1;
    credits += delta;
  }
  return { season: season.slug, participants: changed, credits };
}
