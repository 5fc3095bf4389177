import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, repositories, roles, seasons, teamMembers, teams } from "@/db/schema";
import type { SeasonFile } from "@/lib/seasons/season-file";
import { listedRepos } from "./season-repos";

/** `2020-03-02T00:00:00+08:00`: the instant written in a fixed offset (`+08:00`), or in UTC (`Z`) for any other zone. */
export function isoInOffset(at: Date, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return at.toISOString().replace(/\.000Z$/, "Z");
  const minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(at.getTime() + minutes * 60_000).toISOString().replace(/(\.000)?Z$/, "");
  return `${local}${offset}`;
}

/**
 * A stored season written back as a season file (`seasons show`): applying it changes nothing. A zone taken from
 * `startsAt`'s offset is given back through the dates' offsets; a named zone as `timeZone`. Teams made from sign-up
 * issues are not the file's (`registration` makes them again), except for an archive, which keeps every team.
 */
export async function seasonAsFile(db: Executor, slug: string, options: { registeredTeams?: boolean } = {}): Promise<SeasonFile | null> {
  const [season] = await db.select().from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const offset = /^[+-]\d{2}:\d{2}$/.test(season.timeZone) ? season.timeZone : "Z";
  const iso = (d: Date) => isoInOffset(d, offset);
  const repos = await listedRepos(db, season.id);
  const maintainerRows = await db
    .select({ repo: repositories.fullName, login: participants.login })
    .from(roles)
    .innerJoin(participants, eq(participants.id, roles.participantId))
    .innerJoin(repositories, eq(repositories.id, roles.repositoryId))
    .where(and(eq(roles.grantedBy, `season:${slug}`), eq(roles.role, "maintainer")))
    .orderBy(asc(repositories.fullName), asc(participants.login));
  const maintainers: Record<string, string[]> = {};
  for (const r of maintainerRows) (maintainers[r.repo] ??= []).push(r.login);
  return {
    slug: season.slug,
    name: season.name,
    startsAt: iso(season.startsAt),
    endsAt: iso(season.endsAt),
    ...(offset === "Z" && season.timeZone !== "UTC" ? { timeZone: season.timeZone } : {}),
    repos,
    taskLabels: season.taskLabels,
    taskTitlePrefixes: season.taskTitlePrefixes,
    difficulties: season.difficulties,
    rules: season.rules,
    graceDays: season.graceDays,
    maintainers,
    teams: await teamsOf(db, season.id, iso, options.registeredTeams ?? false),
    unranked: season.unranked,
    ...season.options,
  };
}

async function teamsOf(db: Executor, seasonId: number, iso: (d: Date) => string, registered: boolean): Promise<SeasonFile["teams"]> {
  const rows = await db
    .select({ team: teams.name, teamId: teams.id, difficulties: teams.difficulties, login: participants.login, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt })
    .from(teams)
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(and(eq(teams.seasonId, seasonId), registered ? undefined : eq(teams.source, "file")))
    .orderBy(asc(teams.id), asc(participants.login));
  const out = new Map<number, SeasonFile["teams"][number]>();
  for (const r of rows) {
    let team = out.get(r.teamId);
    if (!team) {
      team = { name: r.team, members: [], joinedAt: iso(r.joinedAt), ...(r.difficulties ? { difficulties: r.difficulties } : {}) };
      out.set(r.teamId, team);
    }
    team.members.push(r.login);
    if (r.leftAt) team.leftAt = { ...team.leftAt, [r.login]: iso(r.leftAt) };
  }
  return [...out.values()];
}
