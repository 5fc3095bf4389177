import "server-only";
import { getDb, type Executor } from "@/db";
import { ALL_TIME_TAG, MAP_TAG, participantTag, seasonTag, tasksTag } from "@/lib/cache/tags";
import { env } from "@/lib/env";
import { getAllTimeRanking as allTime } from "@/lib/queries/all-time";
import { communityStandingOf as community, listSigs as sigs } from "@/lib/queries/community";
import { getContributorMap as contributorMap } from "@/lib/queries/map";
import { getParticipantProfile as profile } from "@/lib/queries/participant";
import { getSeasonReport as report } from "@/lib/queries/season-report";
import { finalStandings as finals } from "@/lib/queries/season-results";
import { listSeasons as seasons } from "@/lib/queries/seasons";
import { listTasksWithModules as tasks } from "@/lib/queries/tasks-with-modules";
import { publicEntry } from "./life";

/**
 * The public pages' reads, from Next's cache: the same names and arguments as the queries in lib/queries (a page
 * changes its import, nothing else), the database handle unused while the cache is on (`PODIUM_PAGE_CACHE`).
 * Each "use cache" function is keyed by its arguments and tagged with what it shows; none reads the viewer.
 */
function withCache<A extends unknown[], R>(query: (db: Executor, ...args: A) => Promise<R>, cached: (...args: A) => Promise<R>) {
  return (db: Executor, ...args: A): Promise<R> => (env().pageCache ? cached(...args) : query(db, ...args));
}

export const getAllTimeRanking = withCache(allTime, async (limit?: number) => {
  "use cache";
  publicEntry(ALL_TIME_TAG);
  return allTime(await getDb(), limit);
});

export const getParticipantProfile = withCache(profile, async (login: string) => {
  "use cache";
  publicEntry(participantTag(login));
  return profile(await getDb(), login);
});

export const communityStandingOf = withCache(community, async (login: string) => {
  "use cache";
  publicEntry(participantTag(login));
  return community(await getDb(), login);
});

export const finalStandings = withCache(finals, async (login: string, slug?: string) => {
  "use cache";
  publicEntry(participantTag(login));
  return finals(await getDb(), login, slug);
});

export const listSeasons = withCache(seasons, async () => {
  "use cache";
  publicEntry();
  return seasons(await getDb());
});

export const listTasksWithModules = withCache(tasks, async (slug: string, filter: Parameters<typeof tasks>[2]) => {
  "use cache";
  publicEntry(seasonTag(slug), tasksTag(slug));
  return tasks(await getDb(), slug, filter);
});

export const getSeasonReport = withCache(report, async (slug: string) => {
  "use cache";
  publicEntry(seasonTag(slug));
  return report(await getDb(), slug);
});

export const getContributorMap = withCache(contributorMap, async (options?: Parameters<typeof contributorMap>[1]) => {
  "use cache";
  publicEntry(MAP_TAG);
  return contributorMap(await getDb(), options);
});

export const listSigs = withCache(sigs, async () => {
  "use cache";
  publicEntry(MAP_TAG);
  return sigs(await getDb());
});
