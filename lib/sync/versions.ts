import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { columnList, jsonRows } from "@/db/json-rows";
import { githubVersions } from "@/db/schema";

export type Versioned = { repositoryId: number; number: number; updatedAt: string };

const COLUMNS = { repository_id: "integer", number: "integer", updated_at: "timestamptz" };
const key = (repositoryId: number, number: number) => `${repositoryId}#${number}`;

/**
 * Records the GitHub `updatedAt` of each object about to be written and tells which are current: an object
 * is stale when a newer version of it was already written (by a webhook while a sync held an older page,
 * or the other way round). The upsert locks each object's row until the transaction ends, so two writers
 * of one object take turns, and the later one sees what the earlier one stored.
 */
export async function claimVersions(tx: Executor, items: Versioned[]): Promise<Set<string>> {
  const newest = new Map<string, { repositoryId: number; number: number; updatedAt: Date }>();
  for (const i of items) {
    const at = new Date(i.updatedAt);
    if (Number.isNaN(at.getTime())) continue;
    const k = key(i.repositoryId, i.number);
    const prior = newest.get(k);
    if (!prior || at > prior.updatedAt) newest.set(k, { repositoryId: i.repositoryId, number: i.number, updatedAt: at });
  }
  const stored = new Map<string, Date>();
  // In a stable order, so that two batches sharing objects lock them in the same order (no deadlock).
  const rows = [...newest.values()].sort((a, b) => a.repositoryId - b.repositoryId || a.number - b.number);
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const values = part.map((r) => ({ repository_id: r.repositoryId, number: r.number, updated_at: r.updatedAt.toISOString() }));
    const out = rowsOf<{ repositoryId: number; number: number; updatedAt: Date | string }>(
      await tx.execute(sql`
        insert into ${githubVersions} ${columnList(COLUMNS)} ${jsonRows(values, COLUMNS)}
        on conflict (repository_id, number) do update set updated_at = greatest(${githubVersions.updatedAt}, excluded.updated_at)
        returning repository_id as "repositoryId", number, updated_at as "updatedAt"`),
    );
    for (const r of out) stored.set(key(r.repositoryId, r.number), new Date(r.updatedAt));
  }
  const current = new Set<string>();
  for (const i of items) {
    const k = key(i.repositoryId, i.number);
    const at = new Date(i.updatedAt);
    const s = stored.get(k);
    // Unreadable times are not compared (the object is written, as before this check existed).
    if (Number.isNaN(at.getTime()) || !s || s.getTime() <= at.getTime()) current.add(`${k}@${i.updatedAt}`);
  }
  return current;
}

export const versionKey = (repositoryId: number, number: number, updatedAt: string) => `${key(repositoryId, number)}@${updatedAt}`;
