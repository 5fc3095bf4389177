// @ts-check
/**
 * Next's "use cache" handler for Podium (next.config.mjs `cacheHandlers.default`): Next's own in-memory handler,
 * whose tag expiry this process can also be told about from outside a request. `revalidateTag` and `updateTag`
 * only work inside a request (an action, a route); a PostgreSQL notification from another process (the CLI, another
 * instance) arrives outside any, so lib/cache/changes.ts calls the hook below, which expires the tags in the same
 * tag map `revalidateTag` writes to. Loaded by Next's server at run time (not bundled), hence plain JavaScript.
 */
import defaultHandler from "next/dist/server/lib/cache-handlers/default.external.js";

const base = /** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */ (
  /** @type {{ default?: unknown }} */ (defaultHandler).default ?? defaultHandler
);

/**
 * Expires `tags` for everything Next caches in this process: the "use cache" entries and the rendered pages of the
 * page cache (ISR: app/rendered, lib/cache/rendered.ts). In Next 16.4 both read one tag map (the default handler's
 * `updateTags` writes `incremental-cache/tags-manifest.external`, which the page cache checks before serving a page:
 * a page whose tags expired after it was rendered is rendered again first). e2e/page-cache.spec.ts proves it.
 * @param {string[]} tags
 */
function expire(tags) {
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
