import { z } from "zod";
import { cleanStrings } from "./clean-strings";
import { checkSeason, uniqueSlugs } from "./season-checks";

/**
 * Bounds of a season file (documented in docs/contract.md): well above what real programs used
 * (season 2 had 14 repositories, 3 labels, ~300 teams of at most 5), far below what would hurt.
 */
export const LIMITS = {
  seasons: 100,
  repos: 500,
  labels: 100,
  prefixes: 100,
  difficulties: 50,
  caps: 100,
  gates: 100,
  maintainerRepos: 500,
  maintainersPerRepo: 100,
  teams: 1000,
  members: 50,
  unranked: 1000,
  stops: 100,
  umbrellas: 1000,
  companionRepos: 500,
  countAs: 500,
  formerNames: 500,
  namesPerRepo: 20,
  excluded: 1000,
  voidLabels: 100,
  prizes: 100,
} as const;

const atMost = (n: number, what: string) => ({ error: `expected at most ${n} ${what}` });

/** A GitHub login (users and `[bot]` apps). */
export const ZLogin = z
  .string({ error: "expected a GitHub login" })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, { error: "expected a GitHub login" });

/** `owner/name` with GitHub's character set: the owner like a login, the name of letters, digits, `.`, `_`, `-` (not `.` or `..`). */
export const ZRepoName = z
  .string({ error: "expected a repository as owner/name" })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/, { error: "expected a repository as owner/name" });

export const ZDifficultyName = z
  .string({ error: "expected a difficulty name" })
  .regex(/^[a-z][a-z0-9-]{0,30}$/, { error: "expected a lower-case difficulty name such as easy" });

export const ZSlug = z
  .string({ error: "expected a slug" })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a slug of lower-case letters, digits and dashes (at most 64)" });

const positiveInt = z
  .number({ error: "expected a positive integer" })
  .int({ error: "expected a positive integer" })
  .positive({ error: "expected a positive integer" })
  .max(1_000_000, { error: "expected at most 1000000" });
const nonNegativeInt = z
  .number({ error: "expected a non-negative integer" })
  .int({ error: "expected a non-negative integer" })
  .min(0, { error: "expected a non-negative integer" })
  .max(1_000_000, { error: "expected at most 1000000" });

const isoWithOffset = z.iso.datetime({
  offset: true,
  error: "expected an ISO 8601 date-time with a time zone, e.g. 2020-03-02T00:00:00+08:00",
});

/** An IANA name this runtime knows; offsets such as `+05:30` are refused on every Node (they come from startsAt). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZCap = z.strictObject({
  difficulty: ZDifficultyName,
  max: positiveInt,
  perRepo: z.boolean({ error: "expected true or false" }).optional().default(false),
});

/** The governance seed's ladder, lowest first (contract: "Community roles"). */
export const COMMUNITY_ROLES = ["contributor", "active-contributor", "reviewer", "committer", "maintainer"] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];
export const ZCommunityRole = z.enum(COMMUNITY_ROLES, { error: `expected one of ${COMMUNITY_ROLES.join(", ")}` });

const bool = z.boolean({ error: "expected true or false" });

export const ZGate = z.strictObject({
  difficulty: ZDifficultyName,
  minPoints: nonNegativeInt,
  from: ZDifficultyName.optional(),
  perRepo: bool.optional().default(false),
  /** A community role at or above which the gate does not apply. */
  waivedFrom: ZCommunityRole.optional(),
});

/** Once the points (of `from`'s difficulty, per repo when `perRepo`) reach `atPoints`, tasks of `difficulty` earn nothing more. */
export const ZStop = z.strictObject({
  difficulty: ZDifficultyName,
  atPoints: positiveInt,
  from: ZDifficultyName.optional(),
  perRepo: bool.optional().default(false),
});

export const ZPicks = z.strictObject({
  max: positiveInt.max(100, { error: "expected at most 100" }),
  perTeamMember: bool.optional().default(false),
  releaseAfterDays: positiveInt.max(365, { error: "expected at most 365 days" }).optional(),
});

export const ZRules = z.strictObject({
  caps: z.array(ZCap).max(LIMITS.caps, atMost(LIMITS.caps, "caps")).optional().default([]),
  gates: z.array(ZGate).max(LIMITS.gates, atMost(LIMITS.gates, "gates")).optional().default([]),
  stops: z.array(ZStop).max(LIMITS.stops, atMost(LIMITS.stops, "stops")).optional().default([]),
  picks: ZPicks.optional(),
});
export type SeasonRules = z.infer<typeof ZRules>;
export type SeasonStop = z.infer<typeof ZStop>;

/** `owner/name#N`. */
export const ZIssueRef = z
  .string({ error: "expected an issue as owner/name#N" })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?#)[A-Za-z0-9._-]{1,100}#[1-9][0-9]{0,9}$/, { error: "expected an issue as owner/name#N" });

export const ZUmbrella = z.strictObject({
  issue: ZIssueRef,
  points: positiveInt,
  difficulty: ZDifficultyName.optional(),
});

export const ZPrize = z
  .strictObject({
    name: z.string({ error: "expected a prize name" }).min(1, { error: "expected a prize name" }).max(100, atMost(100, "characters")),
    ranks: z.tuple([positiveInt, positiveInt], { error: "expected a rank range such as [2, 3]" }).optional(),
    minPoints: nonNegativeInt.optional(),
    /** Podium's addition: a rank prize for one ranking only (default: each ranking separately). */
    ranking: z.enum(["individuals", "teams"], { error: "expected individuals or teams" }).optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.ranks === undefined) === (p.minPoints === undefined)) ctx.addIssue({ code: "custom", path: [], message: "expected either ranks or minPoints" });
    if (p.ranks && p.ranks[1] < p.ranks[0]) ctx.addIssue({ code: "custom", path: ["ranks", 1], message: "must not be below the first rank" });
    if (p.ranking !== undefined && p.ranks === undefined) ctx.addIssue({ code: "custom", path: ["ranking"], message: "only a rank prize names a ranking" });
  });
export type SeasonPrize = z.infer<typeof ZPrize>;

export const ZRegistration = z.strictObject({
  repo: ZRepoName,
  titlePrefix: z.string({ error: "expected a title prefix" }).min(1, { error: "expected a title prefix" }).max(100, atMost(100, "characters")),
});

const label = z.string({ error: "expected a label" }).min(1, { error: "expected a label" }).max(100, atMost(100, "characters"));

export const ZTeam = z.strictObject({
  name: z.string({ error: "expected a team name" }).min(1, { error: "expected a team name" }).max(100, atMost(100, "characters")),
  members: z
    .array(ZLogin)
    .min(1, { error: "expected at least one member" })
    .max(LIMITS.members, atMost(LIMITS.members, "members")),
  joinedAt: isoWithOffset.optional(),
  /** When a member left: points earned from then on are theirs again, and they take none of the team's along. */
  leftAt: z.record(ZLogin, isoWithOffset).optional(),
  /** The only difficulties the team may pick up (and earn from); absent: all. */
  difficulties: z.array(ZDifficultyName).min(1, { error: "expected at least one difficulty" }).max(LIMITS.difficulties, atMost(LIMITS.difficulties, "difficulties")).optional(),
});

const boundedRecord = <V extends z.ZodType>(key: z.ZodType<string>, value: V, max: number, what: string) =>
  z.record(key, value).refine((r) => Object.keys(r).length <= max, atMost(max, what));

/** The second round's optional season fields (contract: "Added in the second round"), stored together in `seasons.options`. */
const seasonOptionFields = {
  umbrellas: z.array(ZUmbrella).max(LIMITS.umbrellas, atMost(LIMITS.umbrellas, "umbrellas")).optional().default([]),
  companionRepos: z.array(ZRepoName).max(LIMITS.companionRepos, atMost(LIMITS.companionRepos, "repositories")).optional().default([]),
  countAs: boundedRecord(ZRepoName, ZRepoName, LIMITS.countAs, "repositories").optional().default({}),
  formerNames: boundedRecord(
    ZRepoName,
    z.array(ZRepoName).min(1, { error: "expected at least one former name" }).max(LIMITS.namesPerRepo, atMost(LIMITS.namesPerRepo, "names")),
    LIMITS.formerNames,
    "repositories",
  )
    .optional()
    .default({}),
  excluded: z.array(ZLogin).max(LIMITS.excluded, atMost(LIMITS.excluded, "logins")).optional().default([]),
  voidLabels: z.array(label).max(LIMITS.voidLabels, atMost(LIMITS.voidLabels, "labels")).optional().default(["invalid", "spam"]),
  registration: ZRegistration.optional(),
  prizes: z.array(ZPrize).max(LIMITS.prizes, atMost(LIMITS.prizes, "prizes")).optional().default([]),
  /** Podium's addition (#19): the season's default language. */
  language: z.enum(["en", "zh-CN"], { error: "expected en or zh-CN" }).optional(),
};
export const ZSeasonOptions = z.strictObject(seasonOptionFields);
/** What `seasons.options` holds: every second-round field, defaults filled in. */
export type SeasonOptions = z.infer<typeof ZSeasonOptions>;
export const DEFAULT_SEASON_OPTIONS: SeasonOptions = ZSeasonOptions.parse({});

/** One season. Strings arrive trimmed and in NFC (see `parseSeasonDocument`); cross-field rules in `checkSeason`. */
export const ZSeasonFile = z
  .strictObject({
    slug: ZSlug,
    name: z.string({ error: "expected a name" }).min(1, { error: "expected a name" }).max(200, atMost(200, "characters")),
    startsAt: isoWithOffset,
    endsAt: isoWithOffset,
    timeZone: z
      .string({ error: "expected an IANA time zone such as Asia/Shanghai" })
      .refine(isTimeZone, { error: "expected an IANA time zone such as Asia/Shanghai" })
      .optional(),
    repos: z
      .array(ZRepoName)
      .min(1, { error: "expected at least one repository" })
      .max(LIMITS.repos, atMost(LIMITS.repos, "repositories")),
    taskLabels: z
      .array(z.string({ error: "expected a label" }).min(1, { error: "expected a label" }).max(100, atMost(100, "characters")))
      .max(LIMITS.labels, atMost(LIMITS.labels, "labels"))
      .optional()
      .default([]),
    taskTitlePrefixes: z
      .array(z.string({ error: "expected a prefix" }).min(1, { error: "expected a prefix" }).max(50, atMost(50, "characters")))
      .max(LIMITS.prefixes, atMost(LIMITS.prefixes, "prefixes"))
      .optional()
      .default([]),
    difficulties: boundedRecord(ZDifficultyName, positiveInt, LIMITS.difficulties, "difficulties").refine((d) => Object.keys(d).length > 0, {
      error: "expected at least one difficulty",
    }),
    rules: ZRules.optional().default({ caps: [], gates: [], stops: [] }),
    graceDays: nonNegativeInt.max(365, { error: "expected at most 365 days" }).optional().default(0),
    maintainers: boundedRecord(
      ZRepoName,
      z.array(ZLogin).max(LIMITS.maintainersPerRepo, atMost(LIMITS.maintainersPerRepo, "maintainers")),
      LIMITS.maintainerRepos,
      "repositories",
    )
      .optional()
      .default({}),
    teams: z.array(ZTeam).max(LIMITS.teams, atMost(LIMITS.teams, "teams")).optional().default([]),
    unranked: z
      .array(z.string({ error: "expected a login or team name" }).min(1, { error: "expected a login or team name" }).max(100, atMost(100, "characters")))
      .max(LIMITS.unranked, atMost(LIMITS.unranked, "entries"))
      .optional()
      .default([]),
    ...seasonOptionFields,
  })
  .superRefine(checkSeason);

export type SeasonFile = z.infer<typeof ZSeasonFile>;

const ZSeasonList = z
  .array(ZSeasonFile)
  .min(1, { error: "expected at least one season" })
  .max(LIMITS.seasons, atMost(LIMITS.seasons, "seasons"))
  .superRefine(uniqueSlugs);

const ZWrapped = z.strictObject({ seasons: ZSeasonList }).transform((d) => d.seasons);
const ZSingle = ZSeasonFile.transform((s) => [s]);

/** A file holds one season, a list of them, or `{ "seasons": [...] }`; paths in errors follow that shape. */
export function parseSeasonDocument(json: unknown): z.ZodSafeParseResult<SeasonFile[]> {
  const cleaned = cleanStrings(json);
  if (cleaned.issues.length > 0) {
    return { success: false, error: new z.ZodError(cleaned.issues.map((i) => ({ code: "custom", path: i.path, message: i.message, input: undefined }))) as z.ZodError<SeasonFile[]> };
  }
  const doc = cleaned.value;
  if (Array.isArray(doc)) return ZSeasonList.safeParse(doc);
  if (doc !== null && typeof doc === "object" && "seasons" in doc) return ZWrapped.safeParse(doc);
  return ZSingle.safeParse(doc);
}

/** The same checks as a schema (strings cleaned, bounds, duplicates), for payloads that arrive already parsed. */
export const ZSeasonDocument = z.unknown().transform((value, ctx): SeasonFile[] => {
  const parsed = parseSeasonDocument(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});

/** `+08:00` from `2020-03-02T00:00:00+08:00`; `UTC` for `Z`. */
export function offsetOf(iso: string): string {
  const m = /([+-]\d{2}:\d{2}|Z)$/i.exec(iso);
  if (!m?.[1] || m[1].toUpperCase() === "Z" || m[1] === "+00:00") return "UTC";
  return m[1];
}
