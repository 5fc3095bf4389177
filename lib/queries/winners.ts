import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasonResults, seasons, teamMembers, teams, users } from "@/db/schema";

export type WinnerRow = { prize: string; ranking: "individuals" | "teams"; rank: number | null; name: string; score: number; logins: string[]; emails: string[] };

/**
 * A final season's prize winners with the e-mail addresses sign-in stored (`users.email`): for the admins'
 * CSV only — never shown on a public page or in the public API. A team's row lists its members' addresses.
 * Null when the season is unknown; empty while it is not final.
 */
export async function winnersWithEmails(db: Executor, slug: string): Promise<WinnerRow[] | null> {
  const [season] = await db.select({ id: seasons.id, options: seasons.options, finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  if (!season.finalizedAt) return [];
  const rows = await db
    .select({ ranking: seasonResults.ranking, name: seasonResults.name, rank: seasonResults.rank, score: seasonResults.score, prizes: seasonResults.prizes, participantId: seasonResults.participantId })
    .from(seasonResults)
    .where(and(eq(seasonResults.seasonId, season.id), sql`jsonb_array_length(${seasonResults.prizes}) > 0`))
    .orderBy(asc(seasonResults.ranking), asc(seasonResults.position));
  const members = await db
    .select({ team: teams.name, participantId: teamMembers.participantId, login: participants.login })
    .from(teams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(eq(teams.seasonId, season.id))
    .orderBy(asc(participants.login));
  const ids = [...new Set([...rows.flatMap((r) => (r.participantId === null ? [] : [r.participantId])), ...members.map((m) => m.participantId)])];
  const mails = ids.length ? await db.select({ participantId: users.participantId, email: users.email }).from(users).where(inArray(users.participantId, ids)) : [];
  const emailsOf = (pid: number) => mails.filter((m) => m.participantId === pid && m.email).map((m) => m.email!);
  const out: WinnerRow[] = [];
  for (const prize of season.options.prizes ?? []) {
    for (const r of rows.filter((x) => x.prizes.includes(prize.name))) {
      const mine = r.ranking === "teams" ? members.filter((m) => m.team === r.name) : [];
      out.push({
        prize: prize.name,
        ranking: r.ranking,
        rank: r.rank,
        name: r.name,
        score: r.score,
        logins: r.ranking === "teams" ? mine.map((m) => m.login) : [r.name],
        emails: r.ranking === "teams" ? mine.flatMap((m) => emailsOf(m.participantId)) : r.participantId === null ? [] : emailsOf(r.participantId),
      });
    }
  }
  return out;
}
