// @ts-check
/**
 * Next's "use cache" handler for Podium (next.config.mjs `cacheHandlers.default`): Next's own in-memory handler,
 * whose tag expiry this process can also be told about from outside a request. `revalidateTag` and `updateTag`
 * only work inside a request (an action, a route); a PostgreSQL notification from another process (the CLI, another
 * instance) arrives outside any, so lib/cache/changes.ts calls the hook below, which expires the tags in the same
 * tag map `revalidateTag` writes to. Loaded by Next's server at run time (not bundled), hence plain JavaScript.
 */
import defaultHandler from "next/dist/server/lib/cache-handlers/default.external.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

const base = /** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */ (
  /** @type {{ default?: unknown }} */ (defaultHandler).default ?? defaultHandler
);

/**
 * The tag map of Next's page cache (ISR: the rendered pages of app/rendered, lib/cache/rendered.ts). It is not this
 * handler's: `revalidateTag` in a request writes both, but a notification has no request, so `expire` writes it as
 * Next's file-system cache does for an immediate expiry (`expired: now`); a page whose tags expired after it was
 * rendered is rendered again before it is served (incremental-cache `isStale = -1`).
 */
const { tagsManifest } = /** @type {{ tagsManifest: Map<string, { expired?: number; stale?: number }> }} */ (
  /** @type {{ default?: unknown }} */ (tagsManifestModule).default ?? tagsManifestModule
);

/** @param {string[]} tags */
function expire(tags) {
  const now = Date.now();
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: now });
  return base.updateTags(tags);
}
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("podium.cache.expireTags")] = expire;

/** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
const handler = {
  get: (cacheKey, softTags) => base.get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => base.set(cacheKey, pendingEntry),
  // Pushed, not pulled: every expiry this process must know of has arrived through `expire` already.
  refreshTags: () => base.refreshTags(),
  getExpiration: (tags) => base.getExpiration(tags),
  updateTags: (tags, durations) => base.updateTags(tags, durations),
};

export default handler;
