/**
 * When the event a delivery describes happened: the latest `updated_at` / `created_at` of the objects it
 * carries (GitHub signs the body but sends no signed timestamp, so the body's own times are what can be
 * checked). Null when the payload has none (it is then refused or ignored by its schema anyway).
 */
export function eventTime(payload: unknown): Date | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  let latest: number | null = null;
  for (const key of ["pull_request", "issue", "comment"]) {
    const o = p[key];
    if (typeof o !== "object" || o === null) continue;
    for (const field of ["updated_at", "created_at"]) {
      const v = (o as Record<string, unknown>)[field];
      const t = typeof v === "string" ? Date.parse(v) : Number.NaN;
      if (Number.isFinite(t) && (latest === null || t > latest)) latest = t;
    }
  }
  return latest === null ? null : new Date(latest);
}

/** A delivery is stale when the event it describes is older than `maxAgeMs` (0: never). */
export function staleness(payload: unknown, now: number, maxAgeMs: number): { stale: false } | { stale: true; at: Date } {
  if (maxAgeMs <= 0) return { stale: false };
  const at = eventTime(payload);
  return at && now - at.getTime() > maxAgeMs ? { stale: true, at } : { stale: false };
}
