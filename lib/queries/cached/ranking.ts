import "server-only";
import { getDb } from "@/db";
import { seasonTag } from "@/lib/cache/tags";
import { env } from "@/lib/env";
import { readRankingBoard, type RankingBoard, type RankingBoardInput } from "@/lib/queries/ranking-page";
import { loadSeasonContext, seasonRowOf, type SeasonContext, type SeasonRow } from "@/lib/queries/season-context";
import { publicEntry } from "./life";

/**
 * The public pages' data from Next's cache ("use cache"), keyed by its arguments and tagged with what it shows.
 * Only data everyone sees the same enters here: the viewer's own parts (menu, "you are #N", maintainer tools)
 * are read per request by the page. `PODIUM_PAGE_CACHE=off` reads the database every time (the bench's baseline).
 */
async function cachedSeasonContext(slug: string): Promise<SeasonContext | null> {
  "use cache";
  publicEntry(seasonTag(slug));
  return loadSeasonContext(await getDb(), slug);
}

export async function seasonContextOf(slug: string): Promise<SeasonContext | null> {
  return env().pageCache ? cachedSeasonContext(slug) : loadSeasonContext(await getDb(), slug);
}

async function cachedRankingBoard(slug: string, page: number, pageSize: number, view: RankingBoardInput["view"], repo: string | null): Promise<RankingBoard | null> {
  "use cache";
  publicEntry(seasonTag(slug));
  const db = await getDb();
  const row = await seasonRowOf(db, slug);
  return row ? readRankingBoard(db, row, { page, pageSize, view, repo: repo ?? undefined }) : null;
}

/** The ranking page's shared part (`readRankingPage`'s `readBoard`); undefined when the page cache is off. */
export function cachedBoard(): ((row: SeasonRow, input: RankingBoardInput) => Promise<RankingBoard>) | undefined {
  if (!env().pageCache) return undefined;
  return async (row, input) => {
    const board = await cachedRankingBoard(row.slug, input.page, input.pageSize, input.view, input.repo ?? null);
    // Gone between the page's season read and this one (a season file removed it): read it as the page saw it.
    return board ?? readRankingBoard(await getDb(), row, input);
  };
}
