import { asc, count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, seasonRepositories, seasons, seasonTotals, tasks } from "@/db/schema";
import type { SeasonSummary } from "@/lib/api/schemas";
import { microCache } from "@/lib/cache/micro-cache";

type Counts = { participants: { seasonId: number; n: number }[]; tasks: { seasonId: number; n: number }[] };
const counts = microCache<Counts>("q:season-counts", { ttlMs: 500 });

/**
 * Participants and tasks per season: counts over whole tables (a hundred thousand rows and more in a big
 * program), so shared for half a second like the rankings (lib/cache/micro-cache.ts).
 */
export function seasonCounts(db: Executor): Promise<Counts> {
  return counts(db, "all", async () => ({
    participants: await db.select({ seasonId: seasonTotals.seasonId, n: count() }).from(seasonTotals).groupBy(seasonTotals.seasonId),
    tasks: await db.select({ seasonId: tasks.seasonId, n: count() }).from(tasks).groupBy(tasks.seasonId),
  }));
}

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
  const { participants: participantCounts, tasks: taskCounts } = await seasonCounts(db);
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
