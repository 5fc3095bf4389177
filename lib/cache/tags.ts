/**
 * The tags of Podium's cached public data (`cacheTag` in lib/queries/cached/*). Every cached read carries
 * `PUBLIC_TAG` and the tags of what it shows; a write expires the tags it changes (lib/cache/changes.ts).
 * Today every write expires `PUBLIC_TAG` (a page is recomputed once per write: cheap next to one per request);
 * the finer tags are there for writes that will name what they touch.
 */
export const PUBLIC_TAG = "public";
export const seasonTag = (slug: string) => `season:${slug}`;
export const participantTag = (login: string) => `participant:${login.toLowerCase()}`;
export const tasksTag = (slug: string) => `tasks:${slug}`;
export const MAP_TAG = "map";
export const ALL_TIME_TAG = "all-time";

/** The tags of a notification's payload (space-separated; anything else in it is dropped). */
export function parseTags(payload: string): string[] {
  return payload.split(/\s+/).filter((t) => /^[A-Za-z0-9:._/-]{1,200}$/.test(t));
}
