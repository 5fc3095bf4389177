/**
 * A short-lived in-process cache for public reads (nginx's "microcaching"): under load, identical requests
 * within `ttlMs` share one database read (also while it is in flight), so a busy ranking costs a query or
 * two a second instead of one per request. Freshness: a commit in this process empties it after the commit
 * (lib/cache/changes.ts), and so does the notification of a commit in another process (the CLI, another instance:
 * lib/cache/listener.ts); a notification lost in a reconnect still shows within `ttlMs`. The public API already
 * tells CDNs that a second's staleness is fine (`s-maxage=1`).
 */
type Entry = { at: number; generation: number; value: Promise<unknown> };
type Shared = { generation: number; caches: Map<string, WeakMap<object, Map<string, Entry>>> };

// Next bundles route handlers, pages and actions separately: the state lives on the process.
const shared = globalThis as typeof globalThis & { __podiumMicroCache?: Shared };
const state = (shared.__podiumMicroCache ??= { generation: 0, caches: new Map() });

/** Called whenever totals change in this process: every cached read is dropped. */
export function invalidateReads(): void {
  state.generation += 1;
}

/** `scope` is what the read comes from (the database handle): two databases never share entries. */
export type MicroCache<T> = (scope: object, key: string, load: () => Promise<T>) => Promise<T>;

export function microCache<T>(name: string, options: { ttlMs: number; maxEntries?: number; now?: () => number }): MicroCache<T> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 500;
  const scopes = state.caches.get(name) ?? new WeakMap<object, Map<string, Entry>>();
  state.caches.set(name, scopes);
  return (scope, key, load) => {
    const entries = scopes.get(scope) ?? new Map<string, Entry>();
    scopes.set(scope, entries);
    const t = now();
    const hit = entries.get(key);
    if (hit && hit.generation === state.generation && t - hit.at < options.ttlMs) return hit.value as Promise<T>;
    const value = load();
    const entry: Entry = { at: t, generation: state.generation, value };
    entries.delete(key);
    entries.set(key, entry);
    // Oldest first: Map keeps insertion order, and a refreshed key moved to the end above.
    for (const old of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(old);
    }
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}
