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

/** A team as one source wants it: the season file's `teams`, or the registration from sign-up issues. */
export type TeamSpec = { name: string; difficulties: string[] | null; members: { login: string; joinedAt: Date; leftAt: Date | null }[] };
export type TeamSource = "file" | "registration";
type Options = { report: boolean; source: TeamSource };

/** The season file's teams as specs: members from the team's `joinedAt` (else the season's start) to their `leftAt`. */
export function fileTeamSpecs(file: SeasonFile): TeamSpec[] {
  return file.teams.map((t) => ({
    name: t.name,
    difficulties: t.difficulties ?? null,
    members: t.members.map((m) => ({ login: m, joinedAt: new Date(t.joinedAt ?? file.startsAt), leftAt: leftAtOf(t, m) })),
  }));
}

/**
 * Creates the source's new teams and removes those of its teams it no longer lists; the season's team ids by
 * name. The other source's teams are left alone, except that the file takes over a registered team of its name.
 */
async function syncTeamRows(tx: Executor, specs: TeamSpec[], seasonId: number, { report, source }: Options, changes: string[]) {
  const all = await tx.select({ id: teams.id, name: teams.name, difficulties: teams.difficulties, source: teams.source }).from(teams).where(eq(teams.seasonId, seasonId));
  const theirs = new Set(all.filter((t) => t.source !== source).map((t) => t.name));
  if (source === "registration") specs = specs.filter((t) => !theirs.has(t.name));
  const taken = all.filter((t) => t.source !== source && specs.some((s) => s.name === t.name));
  for (const t of taken) await tx.update(teams).set({ source }).where(eq(teams.id, t.id));
  if (taken.length > 0 && report) changes.push(`teams now from the season file: ${taken.map((t) => t.name).join(", ")}`);
  const existing = all.filter((t) => t.source === source || taken.includes(t));
  const keep = new Set(specs.map((t) => t.name));
  const gone = existing.filter((t) => !keep.has(t.name));
  for (const part of chunks(gone.map((t) => t.id))) await tx.delete(teams).where(inArray(teams.id, part));
  if (gone.length > 0 && report) changes.push(`teams removed: ${gone.map((t) => t.name).join(", ")}`);
  const ids = new Map(existing.map((t) => [t.name, t.id]));
  const known = new Set(existing.filter((t) => keep.has(t.name)).map((t) => t.id));
  const fresh = specs.filter((t) => !ids.has(t.name)).map((t) => ({ seasonId, name: t.name, difficulties: t.difficulties, source }));
  for (const part of chunks(fresh)) {
    for (const row of await tx.insert(teams).values(part).returning({ id: teams.id, name: teams.name })) ids.set(row.name, row.id);
  }
  if (report) for (const t of fresh) changes.push(`team added: ${t.name}`);
  for (const t of specs) {
    const row = existing.find((e) => e.name === t.name);
    if (!row || JSON.stringify(row.difficulties) === JSON.stringify(t.difficulties)) continue;
    await tx.update(teams).set({ difficulties: t.difficulties }).where(eq(teams.id, row.id));
    if (report) changes.push(`team ${t.name}: difficulties ${JSON.stringify(row.difficulties)} → ${JSON.stringify(t.difficulties)}`);
  }
  return { ids, known, specs };
}

/** The season file's teams and their members (`applyTeamSpecs`); registered teams are left alone. */
export async function applyTeams(tx: Executor, file: SeasonFile, seasonId: number, report: boolean): Promise<string[]> {
  return applyTeamSpecs(tx, fileTeamSpecs(file), seasonId, { report, source: "file" });
}

/**
 * One source's teams and their members, in bulk: one read of the season's memberships, then only the
 * differences written, a bounded statement at a time (a 1000-team season is a few dozen statements,
 * not one per member — the whole apply is one transaction, and on PGlite nothing else runs meanwhile).
 */
export async function applyTeamSpecs(tx: Executor, wanted: TeamSpec[], seasonId: number, options: Options): Promise<string[]> {
  const { report } = options;
  const changes: string[] = [];
  const { ids, known, specs } = await syncTeamRows(tx, wanted, seasonId, options, changes);
  const people = await participantIds(tx, specs.flatMap((t) => t.members.map((m) => m.login)));
  const desired: (Member & { team: string })[] = specs.flatMap((t) =>
    t.members.map((m) => ({ team: t.name, teamId: ids.get(t.name)!, participantId: people.get(m.login.toLowerCase())!, joinedAt: m.joinedAt, leftAt: m.leftAt })),
  );
  const current = await tx
    .select({ teamId: teamMembers.teamId, participantId: teamMembers.participantId, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.seasonId, seasonId), eq(teams.source, options.source)));
  const now = new Map(current.map((c) => [keyOf(c), c]));
  const wantedKeys = new Set(desired.map(keyOf));
  for (const team of specs) {
    const teamId = ids.get(team.name)!;
    const leaving = current.filter((c) => c.teamId === teamId && !wantedKeys.has(keyOf(c))).map((c) => c.participantId);
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
