import { z } from "zod";

/** Shapes of the public JSON API, shared by the route handlers and the tests. */
export const ZHealth = z.object({ ok: z.literal(true), db: z.enum(["pglite", "postgres"]) });

export const ZSeasonSummary = z.object({
  slug: z.string(),
  name: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  timeZone: z.string(),
  repos: z.array(z.string()),
  participants: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
});
export const ZSeasonList = z.array(ZSeasonSummary);
export type SeasonSummary = z.infer<typeof ZSeasonSummary>;

export const ZApiError = z.object({ error: z.string() });
