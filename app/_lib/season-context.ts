import "server-only";
import { cache } from "react";
import { seasonContextOf } from "@/lib/queries/cached/ranking";
import type { SeasonContext } from "@/lib/queries/season-context";

/**
 * The season a request is about, read once per request however many parts of the page ask (React `cache`), and
 * shared between requests by Next's cache until a write changes it (lib/queries/cached): its row, repositories and
 * counts. The summary's fields are the API's; `row` is what the queries take instead of a slug.
 */
export const seasonContext = cache(async (slug: string): Promise<SeasonContext | null> => seasonContextOf(slug));
