import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { loadSeasonContext, type SeasonContext } from "@/lib/queries/season-context";

/**
 * The season a request is about, read once per request however many parts of the page ask (React `cache`):
 * its row, repositories and counts. The summary's fields are the API's; `row` is what the queries take
 * instead of a slug, so they do not look the season up again.
 */
export const seasonContext = cache(async (slug: string): Promise<SeasonContext | null> => loadSeasonContext(await getDb(), slug));
