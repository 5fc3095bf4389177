import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, scoreEntries, seasons, teamMembers, teams } from "@/db/schema";
import { LEDGER_POINT } from "@/lib/scoring/refresh-totals";
import { computeTotals } from "@/lib/scoring/totals";

export type TeamRow = { rank: number | null; name: string; score: number; members: { login: string; points: number }[] };

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
 * A season's teams: a member's points count for the team from the day they joined on (points from
 * before stay theirs alone); caps apply per member as in their own total.
 */
export async function getTeamRanking(db: Executor, slug: string): Promise<TeamRow[] | null> {
  const [season] = await db.select().from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const members = await db
    .select({ team: teams.name, participantId: teamMembers.participantId, login: participants.login, joinedAt: teamMembers.joinedAt })
    .from(teams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(eq(teams.seasonId, season.id));
  const teamNames = [...new Set((await db.select({ name: teams.name }).from(teams).where(eq(teams.seasonId, season.id))).map((t) => t.name))];
  const ids = [...new Set(members.map((m) => m.participantId))];
  const entries = ids.length
    ? await db
        .select(LEDGER_POINT)
        .from(scoreEntries)
        .where(and(eq(scoreEntries.seasonId, season.id), inArray(scoreEntries.participantId, ids)))
    : [];
  const unranked = season.unranked.map((u) => u.toLowerCase());
  const rows = teamNames.map((name) => {
    const mine = members.filter((m) => m.team === name);
    const memberPoints = mine.map((m) => {
      const counted = entries.filter((e) => e.participantId === m.participantId && e.occurredAt.getTime() >= m.joinedAt.getTime());
      return { login: m.login, points: computeTotals(counted, season.rules)[0]?.points ?? 0 };
    });
    return { name, score: memberPoints.reduce((n, m) => n + m.points, 0), members: memberPoints.sort((a, b) => b.points - a.points), unranked: unranked.includes(name.toLowerCase()) };
  });
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return competitionRanks(rows).map(({ unranked: _u, ...r }) => r);
}
