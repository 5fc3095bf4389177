import type { MapLink } from "@/db/schema";

/** What a project of the contributor map says of itself. */
export type MapProjectFields = {
  slug: string;
  name: string;
  description: string;
  url: string | null;
  repo: string | null;
  tutorials: MapLink[];
};

/** A link as stored: a missing URL is null. */
export const link = (l: MapLink): MapLink => ({ title: l.title, url: l.url ?? null });

/** A project's own fields, from the document or from its stored row. */
export const projectFields = (p: MapProjectFields): MapProjectFields => ({
  slug: p.slug,
  name: p.name,
  description: p.description,
  url: p.url,
  repo: p.repo,
  tutorials: p.tutorials.map(link),
});
