import type { DbHandle } from "@/db/client";
import { CACHE_CHANNEL, expireLocally } from "./changes";
import { PUBLIC_TAG, parseTags } from "./tags";

/**
 * Each server process LISTENs on `podium_cache`: a write anywhere (this process, the CLI in another, another instance,
 * a job) notifies on commit, and the tags it names are expired here. On (re)connect everything public is expired, since
 * notifications sent while the connection was down are lost. Returns the unlisten.
 */
export async function startCacheListener(handle: Pick<DbHandle, "listen">, log: (line: string) => void = console.warn): Promise<() => Promise<void>> {
  if (!handle.listen) return async () => {};
  let first = true;
  return handle.listen(
    CACHE_CHANNEL,
    (payload) => {
      void expireLocally(parseTags(payload)).catch((e: unknown) => log(`podium: a cache notification could not be applied: ${(e as Error).message}`));
    },
    () => {
      if (!first) void expireLocally([PUBLIC_TAG]);
      first = false;
    },
  );
}
