import { asc, count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, seasonRepositories, seasons, seasonTotals, tasks } from "@/db/schema";
import type { SeasonSummary } from "@/lib/api/schemas";

/** All seasons, newest first, in the API's shape (no internal ids). */
export async function listSeasons(db: Executor): Promise<SeasonSummary[]> {
  const rows = await db
    .select({
      id: seasons.id,
      slug: seasons.slug,
      name: seasons.name,
      startsAt: seasons.startsAt,
      endsAt: seasons.endsAt,
      timeZone: seasons.timeZone,
    })
    .from(seasons)
    .orderBy(desc(seasons.startsAt), asc(seasons.slug));
  const repos = await db
    .select({ seasonId: seasonRepositories.seasonId, fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .orderBy(asc(seasonRepositories.position));
  const participantCounts = await db
    .select({ seasonId: seasonTotals.seasonId, n: count() })
    .from(seasonTotals)
    .groupBy(seasonTotals.seasonId);
  const taskCounts = await db.select({ seasonId: tasks.seasonId, n: count() }).from(tasks).groupBy(tasks.seasonId);
  const countOf = (list: { seasonId: number; n: number }[], id: number) => Number(list.find((c) => c.seasonId === id)?.n ?? 0);
  return rows.map(({ id, ...s }) => ({
    ...s,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    participants: countOf(participantCounts, id),
    tasks: countOf(taskCounts, id),
    repos: repos.filter((r) => r.seasonId === id).map((r) => r.fullName),
  }));
}

/** The season running now, else the next to start, else the latest. */
export function currentSeason<T extends { startsAt: string; endsAt: string }>(list: T[], now = new Date()): T | undefined {
  const t = now.getTime();
  const running = list.find((s) => Date.parse(s.startsAt) <= t && t <= Date.parse(s.endsAt));
  if (running) return running;
  const upcoming = list.filter((s) => Date.parse(s.startsAt) > t).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return upcoming[0] ?? list[0];
}
