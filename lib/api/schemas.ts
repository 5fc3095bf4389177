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

const ZByDifficulty = z.record(z.string(), z.object({ tasks: z.number().int().nonnegative(), score: z.number().int() }));

export const ZLeaderboardEntry = z.object({
  rank: z.number().int().positive().nullable(),
  /** (added, #19) null for a participant who hid themselves: their name, avatar and team are null too; points and rank stay. */
  login: z.string().nullable(),
  name: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  score: z.number().int(),
  tasks: z.number().int().nonnegative(),
  byDifficulty: ZByDifficulty,
  /** Added in the second round: the member's team (or null), and whether the row takes no rank. */
  team: z.string().nullable(),
  unranked: z.boolean(),
});
export const ZLeaderboard = z.object({
  season: z.object({ slug: z.string(), name: z.string() }),
  total: z.number().int().nonnegative(),
  entries: z.array(ZLeaderboardEntry),
});
export type LeaderboardResponse = z.infer<typeof ZLeaderboard>;

/** `?view=teams`: the teams ranked (contract, "HTTP JSON API, added"). */
export const ZTeamLeaderboardEntry = z.object({
  rank: z.number().int().positive().nullable(),
  team: z.string(),
  members: z.array(z.string()),
  score: z.number().int(),
  tasks: z.number().int().nonnegative(),
  byDifficulty: ZByDifficulty,
  unranked: z.boolean(),
});
export const ZTeamLeaderboard = z.object({
  season: z.object({ slug: z.string(), name: z.string() }),
  total: z.number().int().nonnegative(),
  entries: z.array(ZTeamLeaderboardEntry),
});
export type TeamLeaderboardResponse = z.infer<typeof ZTeamLeaderboard>;

export const ZParticipant = z.object({
  login: z.string(),
  name: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  seasons: z.array(
    z.object({
      slug: z.string(),
      rank: z.number().int().positive().nullable(),
      score: z.number().int(),
      completed: z.array(
        z.object({
          repo: z.string(),
          number: z.number().int().positive(),
          title: z.string(),
          difficulty: z.string().nullable(),
          points: z.number().int(),
          pullRequests: z.array(z.object({ repo: z.string(), number: z.number().int().positive(), mergedAt: z.iso.datetime({ offset: true }).nullable() })),
        }),
      ),
    }),
  ),
});
export type ParticipantResponse = z.infer<typeof ZParticipant>;

/** Query of the leaderboard endpoints; a bad value is a 400 naming it. */
export const ZLeaderboardQuery = z.strictObject({
  limit: z.coerce.number({ error: "limit: expected a whole number from 1 to 1000" }).int({ error: "limit: expected a whole number from 1 to 1000" }).min(1, { error: "limit: expected a whole number from 1 to 1000" }).max(1000, { error: "limit: expected a whole number from 1 to 1000" }).optional(),
  offset: z.coerce.number({ error: "offset: expected a whole number, 0 or more" }).int({ error: "offset: expected a whole number, 0 or more" }).min(0, { error: "offset: expected a whole number, 0 or more" }).max(10_000_000).optional(),
  repo: z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, { error: "repo: expected owner/name" }).optional(),
  view: z.enum(["individuals", "teams"], { error: "view: expected individuals or teams" }).optional(),
});

/** `GET /api/seasons/{slug}/tasks`'s query: a state and a repository, both optional. */
export const ZTasksQuery = z.strictObject({
  state: z.enum(["open", "picked", "completed"], { error: "state: expected open, picked or completed" }).optional(),
  repo: z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, { error: "repo: expected owner/name" }).optional(),
});

/** One task of `GET /api/seasons/{slug}/tasks`. */
export const ZTaskEntry = z.object({
  repo: z.string(),
  number: z.number().int(),
  title: z.string(),
  difficulty: z.string().nullable(),
  score: z.number().int().nullable(),
  /** `closed`: the issue was closed without a merged PR completing it. */
  state: z.enum(["open", "picked", "completed", "closed"]),
  holder: z.string().nullable(),
  pickedAt: z.string().nullable(),
  umbrella: z.boolean(),
});

/** Public, briefly cacheable by a CDN: fresh within a second or two of a change, served stale while revalidating. */
export const PUBLIC_CACHE = "public, max-age=0, s-maxage=1, stale-while-revalidate=59";
