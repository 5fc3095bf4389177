import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { DifficultyTotals } from "@/db/schema";
import { participants, scoreEntries, teamMembers, teams } from "@/db/schema";
import { LEDGER_POINT } from "@/lib/scoring/refresh-totals";
import { computeTotals } from "@/lib/scoring/totals";
import { seasonRowOf, type SeasonRef } from "./season-context";

export type TeamRow = {
  rank: number | null;
  name: string;
  score: number;
  tasks: number;
  byDifficulty: DifficultyTotals;
  unranked: boolean;
  /** Each member and the points they brought to the team (before the team's caps). */
  /** `hidden`, only when true: the member hid themselves from public rankings (#19). */
  members: { login: string; points: number; hidden?: true }[];
};

/** Competition ranking over scores, ties by name; unranked rows take no rank. */
export function competitionRanks<T extends { score: number; unranked: boolean }>(rows: T[]): (T & { rank: number | null })[] {
  let position = 0;
  let lastScore: number | null = null;
  let lastRank = 0;
  return rows.map((r) => {
    if (r.unranked) return { ...r, rank: null };
    position += 1;
    if (r.score !== lastScore) lastRank = position;
    lastScore = r.score;
    return { ...r, rank: lastRank };
  });
}

/**
 * A season's teams, ranked (contract, "Teams"): a team's points are the ledger entries it owns — its members'
 * points from their `joinedAt` until their `leftAt` — with the season's caps applied to the team as one scorer.
 * Within a tie, whoever reached the score first, then the name.
 */
export async function getTeamRanking(db: Executor, ref: SeasonRef): Promise<TeamRow[] | null> {
  const season = await seasonRowOf(db, ref);
  if (!season) return null;
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.seasonId, season.id));
  const members = await db
    .select({ teamId: teamMembers.teamId, participantId: teamMembers.participantId, login: participants.login, hidden: participants.hidden })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(eq(teams.seasonId, season.id));
  const entries = await db
    .select({ ...LEDGER_POINT, teamId: scoreEntries.teamId })
    .from(scoreEntries)
    .where(and(eq(scoreEntries.seasonId, season.id), isNotNull(scoreEntries.teamId)));
  const byTeam = new Map<number, typeof entries>();
  for (const e of entries) byTeam.set(e.teamId!, [...(byTeam.get(e.teamId!) ?? []), e]);
  const unranked = new Set(season.unranked.map((u) => u.toLowerCase()));
  const rows = teamRows.map((team) => {
    const owned = byTeam.get(team.id) ?? [];
    // The team is one scorer: its entries under one id, so caps hold for the team as a whole.
    const totals = computeTotals(owned.map((e) => ({ ...e, participantId: 0 })), season.rules)[0];
    const brought = (participantId: number) => owned.filter((e) => e.participantId === participantId).reduce((n, e) => n + e.points, 0);
    const mine = members.filter((m) => m.teamId === team.id).map((m) => ({ login: m.login, points: brought(m.participantId), ...(m.hidden ? { hidden: true as const } : {}) }));
    return {
      name: team.name,
      score: totals?.points ?? 0,
      tasks: totals?.tasks ?? 0,
      byDifficulty: totals?.byDifficulty ?? {},
      reachedAt: totals?.reachedAt.getTime() ?? 0,
      unranked: unranked.has(team.name.toLowerCase()),
      members: mine.sort((a, b) => b.points - a.points || a.login.localeCompare(b.login)),
    };
  });
  rows.sort((a, b) => b.score - a.score || a.reachedAt - b.reachedAt || a.name.localeCompare(b.name));
  return competitionRanks(rows).map(({ reachedAt: _r, ...r }) => r);
}

/**
 * Logins that take no individual rank: the season's unranked logins and the members of its unranked teams
 * (contract: "an unranked team's members take no individual rank either"). Lower-case.
 */
export async function unrankedLogins(db: Executor, seasonId: number, unranked: readonly string[]): Promise<string[]> {
  const names = new Set(unranked.map((u) => u.toLowerCase()));
  if (names.size === 0) return [];
  const rows = await db
    .select({ team: teams.name, login: participants.login })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(eq(teams.seasonId, seasonId));
  const out = new Set(names);
  for (const r of rows) if (names.has(r.team.toLowerCase())) out.add(r.login.toLowerCase());
  return [...out];
}

/** The team each of these participants is in now (joined, not left), by participant id. */
export async function currentTeams(db: Executor, seasonId: number, participantIds: number[], now = new Date()): Promise<Map<number, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db
    .select({ participantId: teamMembers.participantId, team: teams.name, leftAt: teamMembers.leftAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teams.seasonId, seasonId));
  const wanted = new Set(participantIds);
  const out = new Map<number, string>();
  for (const r of rows) if (wanted.has(r.participantId) && (r.leftAt === null || r.leftAt.getTime() > now.getTime())) out.set(r.participantId, r.team);
  return out;
}
