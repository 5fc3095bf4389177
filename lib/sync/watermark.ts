import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncCursors } from "@/db/schema";

/** How far behind real time GitHub's search index may be: a watermark stays this much behind the run's start. */
export const INDEX_LAG_MS = 10 * 60_000;

/** `all` (a season repository's tasks and pull requests) or `registration` (its sign-up issues). */
export type CursorKind = "all" | "registration";

export async function readWatermark(db: Db, seasonId: number, repositoryId: number, kind: CursorKind): Promise<Date | null> {
  const [row] = await db
    .select({ at: syncCursors.watermark })
    .from(syncCursors)
    .where(and(eq(syncCursors.seasonId, seasonId), eq(syncCursors.repositoryId, repositoryId), eq(syncCursors.kind, kind)));
  return row?.at ?? null;
}

/**
 * What was fetched is fully stored: only now may its watermark move. It moves to what was seen, and at least to
 * shortly before this run started (GitHub's search index lags by a little); never backwards.
 */
export async function moveWatermark(db: Db, at: { seasonId: number; repositoryId: number; kind: CursorKind }, seenUpTo: string | undefined, started: number): Promise<void> {
  const floor = new Date(started - INDEX_LAG_MS);
  const watermark = seenUpTo && new Date(seenUpTo) > floor ? new Date(seenUpTo) : floor;
  await db
    .insert(syncCursors)
    .values({ ...at, watermark })
    .onConflictDoUpdate({
      target: [syncCursors.seasonId, syncCursors.repositoryId, syncCursors.kind],
      set: { watermark: sql`greatest(${syncCursors.watermark}, excluded.watermark)`, updatedAt: new Date() },
    });
}
