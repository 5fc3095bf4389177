import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { afterCommit } from "@/db/transaction";
import { invalidateReads } from "./micro-cache";
import { PUBLIC_TAG } from "./tags";

/** The PostgreSQL channel every server process LISTENs on (lib/cache/listener.ts); the payload is tags, space-separated. */
export const CACHE_CHANNEL = "podium_cache";

const EXPIRE = Symbol.for("podium.cache.expireTags");
const g = globalThis as unknown as Record<symbol, ((tags: string[]) => Promise<void>) | undefined>;
// The tags changed by the writes of one server action (lib/actions/run-action.ts tells Next with `updateTag`).
const collected = new AsyncLocalStorage<Set<string>>();

/**
 * Marks the tags a write changes, inside its transaction: a `pg_notify` that PostgreSQL delivers to every listening
 * process only if and when the transaction commits (never for a rollback or a what-if), and this process's own caches
 * are expired after the commit (`afterCommit`), so no reader re-caches the old state in between.
 */
export async function publishChange(tx: Executor, tags: readonly string[] = [PUBLIC_TAG]): Promise<void> {
  const list = [...new Set(tags)];
  await tx.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${list.join(" ")})`);
  afterCommit(tx, () => expireLocally(list));
}

/**
 * Expires `tags` in this process: Next's "use cache" entries (through lib/cache/next-cache-handler.mjs) and the
 * micro-cache of the JSON API. Called after a local commit and on each notification from another process.
 */
export async function expireLocally(tags: readonly string[]): Promise<void> {
  invalidateReads();
  const sink = collected.getStore();
  for (const t of tags) sink?.add(t);
  await g[EXPIRE]?.([...tags]);
}

/** Runs `fn`, and gives back with its value the tags its committed writes changed (for `updateTag` in an action). */
export async function collectChanges<T>(fn: () => Promise<T>): Promise<{ value: T; tags: string[] }> {
  const tags = new Set<string>();
  const value = await collected.run(tags, fn);
  return { value, tags: [...tags] };
}
