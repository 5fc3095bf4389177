import { cacheLife, cacheTag } from "next/cache";
import { PUBLIC_TAG } from "@/lib/cache/tags";

/**
 * Inside a "use cache" function: how long its entry lives and what expires it. Writes expire the tags (every
 * process, on commit: lib/cache/changes.ts); the hour is only a backstop for a notification lost in a reconnect
 * gap (the listener expires everything on reconnect anyway).
 */
export function publicEntry(...tags: string[]): void {
  cacheLife({ stale: 30, revalidate: 3600, expire: 3600 });
  cacheTag(PUBLIC_TAG, ...tags);
}
