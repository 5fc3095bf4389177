import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, seasonRepositories, seasons } from "@/db/schema";

/** The repositories a season lists (lower-case `owner/name`), or null for an unknown season. */
export async function seasonRepos(db: Executor, slug: string): Promise<string[] | null> {
  const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  return season ? listedRepos(db, season.id) : null;
}

/** The repositories a season lists, in the season file's order. */
export async function listedRepos(db: Executor, seasonId: number): Promise<string[]> {
  const rows = await db
    .select({ fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, seasonId))
    .orderBy(asc(seasonRepositories.position));
  return rows.map((r) => r.fullName);
}

/** The difficulty names of a season (for the maintainers' forms), or [] for an unknown season. */
export async function seasonDifficulties(db: Executor, slug: string): Promise<string[]> {
  const [season] = await db.select({ difficulties: seasons.difficulties }).from(seasons).where(eq(seasons.slug, slug));
  return season ? Object.keys(season.difficulties) : [];
}

/** The repositories of one season, or of every season (for choosing the GitHub App's installation). */
export async function reposOfSeasons(db: Executor, slug?: string): Promise<string[]> {
  if (slug !== undefined) return (await seasonRepos(db, slug)) ?? [];
  const rows = await db.select({ fullName: repositories.fullName }).from(seasonRepositories).innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId));
  return [...new Set(rows.map((r) => r.fullName))].sort();
}
