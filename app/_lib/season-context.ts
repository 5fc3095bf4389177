import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import type { SeasonSummary } from "@/lib/api/schemas";
import { listSeasons } from "@/lib/queries/seasons";

/** The season a request is about, read once per request however many parts of the page ask (React `cache`). */
export const seasonContext = cache(async (slug: string): Promise<SeasonSummary | null> => {
  const seasons = await listSeasons(await getDb());
  return seasons.find((s) => s.slug === slug) ?? null;
});
