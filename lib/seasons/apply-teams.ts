import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { chunks } from "@/lib/util/chunks";
import type { SeasonFile } from "./season-file";

// Rows per statement (lib/util/chunks): a season's bounds allow 50,000 members, and one statement takes at most 65,535 parameters.

/** Participant ids (by lower-case login) for any number of logins, a bounded statement at a time. */
export async function participantIds(tx: Executor, logins: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks([...new Set(logins)])) for (const [k, v] of await ensureParticipantsByLogin(tx, part)) out.set(k, v);
  return out;
}

type Member = { teamId: number; participantId: number; joinedAt: Date; leftAt: Date | null };
const keyOf = (m: { teamId: number; participantId: number }) => `${m.teamId}:${m.participantId}`;

/** Creates the file's new teams and removes the teams it no longer lists; the season's team ids by name. */
async function syncTeamRows(tx: Executor, file: SeasonFile, seasonId: number, report: boolean, changes: string[]) {
  const existing = await tx.select({ id: teams.id, name: teams.name, difficulties: teams.difficulties }).from(teams).where(eq(teams.seasonId, seasonId));
  const keep = new Set(file.teams.map((t) => t.name));
  const gone = existing.filter((t) => !keep.has(t.name));
  for (const part of chunks(gone.map((t) => t.id))) await tx.delete(teams).where(inArray(teams.id, part));
  if (gone.length > 0 && report) changes.push(`teams removed: ${gone.map((t) => t.name).join(", ")}`);
  const ids = new Map(existing.map((t) => [t.name, t.id]));
  const known = new Set(existing.filter((t) => keep.has(t.name)).map((t) => t.id));
  const fresh = file.teams.filter((t) => !ids.has(t.name)).map((t) => ({ seasonId, name: t.name, difficulties: t.difficulties ?? null }));
  for (const part of chunks(fresh)) {
    for (const row of await tx.insert(teams).values(part).returning({ id: teams.id, name: teams.name })) ids.set(row.name, row.id);
  }
  if (report) for (const t of fresh) changes.push(`team added: ${t.name}`);
  for (const t of file.teams) {
    const row = existing.find((e) => e.name === t.name);
    const want = t.difficulties ?? null;
    if (!row || JSON.stringify(row.difficulties) === JSON.stringify(want)) continue;
    await tx.update(teams).set({ difficulties: want }).where(eq(teams.id, row.id));
    if (report) changes.push(`team ${t.name}: difficulties ${JSON.stringify(row.difficulties)} → ${JSON.stringify(want)}`);
  }
  return { ids, known };
}

/**
 * The file's teams and their members, in bulk: one read of the season's memberships, then only the
 * differences written, a bounded statement at a time (a 1000-team season is a few dozen statements,
 * not one per member — the whole apply is one transaction, and on PGlite nothing else runs meanwhile).
 */
export async function applyTeams(tx: Executor, file: SeasonFile, seasonId: number, report: boolean): Promise<string[]> {
  const changes: string[] = [];
  const { ids, known } = await syncTeamRows(tx, file, seasonId, report, changes);
  const people = await participantIds(tx, file.teams.flatMap((t) => t.members));
  const desired: (Member & { team: string })[] = file.teams.flatMap((t) =>
    t.members.map((m) => ({ team: t.name, teamId: ids.get(t.name)!, participantId: people.get(m.toLowerCase())!, joinedAt: new Date(t.joinedAt ?? file.startsAt), leftAt: leftAtOf(t, m) })),
  );
  const current = await tx
    .select({ teamId: teamMembers.teamId, participantId: teamMembers.participantId, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teams.seasonId, seasonId));
  const now = new Map(current.map((c) => [keyOf(c), c]));
  const wanted = new Set(desired.map(keyOf));
  for (const team of file.teams) {
    const teamId = ids.get(team.name)!;
    const leaving = current.filter((c) => c.teamId === teamId && !wanted.has(keyOf(c))).map((c) => c.participantId);
    if (leaving.length === 0) continue;
    for (const part of chunks(leaving)) await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.participantId, part)));
    if (report) changes.push(`team ${team.name}: ${leaving.length} member(s) removed`);
  }
  const added = desired.filter((d) => !now.has(keyOf(d)));
  for (const part of chunks(added)) await tx.insert(teamMembers).values(part.map(({ team: _t, ...row }) => row));
  if (report) for (const d of added) if (known.has(d.teamId)) changes.push(`team ${d.team}: member added`);
  const moved = desired.filter((d) => {
    const c = now.get(keyOf(d));
    return c !== undefined && (c.joinedAt.getTime() !== d.joinedAt.getTime() || c.leftAt?.getTime() !== d.leftAt?.getTime());
  });
  // A team's members share its joinedAt, and most share "never left": one statement per team and dates.
  const groups = new Map<string, typeof moved>();
  for (const d of moved) {
    const k = `${d.teamId}|${d.joinedAt.getTime()}|${d.leftAt?.getTime() ?? ""}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const these of groups.values()) {
    const { teamId, joinedAt, leftAt } = these[0]!;
    for (const part of chunks(these)) {
      await tx
        .update(teamMembers)
        .set({ joinedAt, leftAt })
        .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.participantId, part.map((d) => d.participantId))));
    }
    if (report) for (const d of these) changes.push(`team ${d.team}: ${now.get(keyOf(d))!.joinedAt.getTime() !== d.joinedAt.getTime() ? "joinedAt" : "leftAt"} changed`);
  }
  return changes;
}

function leftAtOf(team: SeasonFile["teams"][number], login: string): Date | null {
  for (const [who, at] of Object.entries(team.leftAt ?? {})) if (who.toLowerCase() === login.toLowerCase()) return new Date(at);
  return null;
}
