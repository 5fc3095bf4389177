import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, scoreEntries, seasonRepoTotals, seasonTotals, teamMembers, teams } from "@/db/schema";
import type { SeasonRules } from "@/lib/seasons/season-file";
import type { GateStanding } from "./gates";
import { LEDGER_POINT } from "./refresh-totals";
import { computeTotals } from "./totals";

/** Who takes a participant's points now: their team (joined, not left) or themselves; with the team's rules. */
export type ScorerNow = { participantId: number; team: { id: number; name: string; difficulties: string[] | null; members: number[] } | null };

export async function scorerNow(db: Executor, seasonId: number, participantId: number, now = new Date()): Promise<ScorerNow> {
  const rows = await db
    .select({ id: teams.id, name: teams.name, difficulties: teams.difficulties, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.seasonId, seasonId), eq(teamMembers.participantId, participantId)));
  const t = now.getTime();
  const mine = rows.find((r) => r.joinedAt.getTime() <= t && (r.leftAt === null || t < r.leftAt.getTime()));
  if (!mine) return { participantId, team: null };
  const mates = await db.select({ p: teamMembers.participantId, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt }).from(teamMembers).where(eq(teamMembers.teamId, mine.id));
  const members = mates.filter((m) => m.joinedAt.getTime() <= t && (m.leftAt === null || t < m.leftAt.getTime())).map((m) => m.p);
  return { participantId, team: { id: mine.id, name: mine.name, difficulties: mine.difficulties, members } };
}

/**
 * What a scorer has in a season, as gates and stops count it: a participant's own capped totals (season_totals),
 * or, for a team, the capped totals of the entries the team owns.
 */
export async function standingOf(db: Executor, seasonId: number, scorer: ScorerNow, rules: SeasonRules): Promise<GateStanding> {
  if (scorer.team !== null) {
    const entries = await db.select(LEDGER_POINT).from(scoreEntries).where(and(eq(scoreEntries.seasonId, seasonId), eq(scoreEntries.teamId, scorer.team.id)));
    const totals = computeTotals(entries.map((e) => ({ ...e, participantId: 0 })), rules)[0];
    if (!totals) return { points: 0, byDifficulty: {}, byRepo: {} };
    const ids = [...totals.byRepo.keys()];
    const names = ids.length ? await db.select({ id: repositories.id, name: repositories.fullName }).from(repositories).where(inArray(repositories.id, ids)) : [];
    const byRepo = Object.fromEntries(names.map((n) => [n.name, totals.byRepo.get(n.id)!.byDifficulty]));
    return { points: totals.points, byDifficulty: totals.byDifficulty, byRepo };
  }
  const [total] = await db.select().from(seasonTotals).where(and(eq(seasonTotals.seasonId, seasonId), eq(seasonTotals.participantId, scorer.participantId)));
  const perRepo = await db
    .select({ repo: repositories.fullName, byDifficulty: seasonRepoTotals.byDifficulty })
    .from(seasonRepoTotals)
    .innerJoin(repositories, eq(repositories.id, seasonRepoTotals.repositoryId))
    .where(and(eq(seasonRepoTotals.seasonId, seasonId), eq(seasonRepoTotals.participantId, scorer.participantId)));
  return { points: total?.points ?? 0, byDifficulty: total?.byDifficulty ?? {}, byRepo: Object.fromEntries(perRepo.map((r) => [r.repo, r.byDifficulty])) };
}

/** The team each participant belonged to at an instant (joinedAt inclusive, leftAt exclusive), for manual entries. */
export async function teamAt(db: Executor, seasonId: number, participantId: number, at: Date): Promise<number | null> {
  return (await scorerNow(db, seasonId, participantId, at)).team?.id ?? null;
}
