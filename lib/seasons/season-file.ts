import { z } from "zod";

/** A GitHub login (users and `[bot]` apps). */
export const ZLogin = z
  .string({ error: "expected a GitHub login" })
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, { error: "expected a GitHub login" });

/** `owner/name`, as GitHub spells repositories. */
export const ZRepoName = z
  .string({ error: "expected a repository as owner/name" })
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, { error: "expected a repository as owner/name" });

export const ZDifficultyName = z
  .string({ error: "expected a difficulty name" })
  .regex(/^[a-z][a-z0-9-]{0,30}$/, { error: "expected a lower-case difficulty name such as easy" });

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

function isTimeZone(value: string): boolean {
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

export const ZGate = z.strictObject({
  difficulty: ZDifficultyName,
  minPoints: nonNegativeInt,
  from: ZDifficultyName.optional(),
  perRepo: z.boolean({ error: "expected true or false" }).optional().default(false),
});

export const ZRules = z.strictObject({
  caps: z.array(ZCap).optional().default([]),
  gates: z.array(ZGate).optional().default([]),
});
export type SeasonRules = z.infer<typeof ZRules>;

export const ZTeam = z.strictObject({
  name: z.string().trim().min(1, { error: "expected a team name" }).max(100),
  members: z.array(ZLogin).min(1, { error: "expected at least one member" }),
  joinedAt: isoWithOffset.optional(),
});

export const ZSeasonFile = z
  .strictObject({
    slug: z
      .string({ error: "expected a slug" })
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a slug of lower-case letters, digits and dashes" }),
    name: z.string({ error: "expected a name" }).trim().min(1, { error: "expected a name" }).max(200),
    startsAt: isoWithOffset,
    endsAt: isoWithOffset,
    timeZone: z
      .string()
      .refine(isTimeZone, { error: "expected an IANA time zone such as Asia/Shanghai" })
      .optional(),
    repos: z.array(ZRepoName).min(1, { error: "expected at least one repository" }),
    taskLabels: z.array(z.string().trim().min(1).max(100)).optional().default([]),
    taskTitlePrefixes: z.array(z.string().trim().min(1).max(50)).optional().default([]),
    difficulties: z
      .record(ZDifficultyName, positiveInt)
      .refine((d) => Object.keys(d).length > 0, { error: "expected at least one difficulty" }),
    rules: ZRules.optional().default({ caps: [], gates: [] }),
    graceDays: nonNegativeInt.max(365, { error: "expected at most 365 days" }).optional().default(0),
    maintainers: z.record(ZRepoName, z.array(ZLogin)).optional().default({}),
    teams: z.array(ZTeam).optional().default([]),
    unranked: z.array(z.string().min(1).max(100)).optional().default([]),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
    }
    const repos = s.repos.map((r) => r.toLowerCase());
    repos.forEach((r, i) => {
      if (repos.indexOf(r) !== i) ctx.addIssue({ code: "custom", path: ["repos", i], message: `${r} is listed twice` });
    });
    const known = (d: string) => Object.hasOwn(s.difficulties, d);
    s.rules.caps.forEach((c, i) => {
      if (!known(c.difficulty))
        ctx.addIssue({ code: "custom", path: ["rules", "caps", i, "difficulty"], message: `unknown difficulty ${c.difficulty}` });
    });
    s.rules.gates.forEach((g, i) => {
      if (!known(g.difficulty))
        ctx.addIssue({ code: "custom", path: ["rules", "gates", i, "difficulty"], message: `unknown difficulty ${g.difficulty}` });
      if (g.from !== undefined && !known(g.from))
        ctx.addIssue({ code: "custom", path: ["rules", "gates", i, "from"], message: `unknown difficulty ${g.from}` });
    });
    for (const repo of Object.keys(s.maintainers)) {
      if (!repos.includes(repo.toLowerCase()))
        ctx.addIssue({ code: "custom", path: ["maintainers", repo], message: `${repo} is not in repos` });
    }
    const names = s.teams.map((t) => t.name.toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: "custom", path: ["teams", i, "name"], message: "team name used twice" });
    });
  });

export type SeasonFile = z.infer<typeof ZSeasonFile>;

/** A file holds one season, a list of them, or `{ "seasons": [...] }`; paths in errors follow that shape. */
export function parseSeasonDocument(json: unknown) {
  if (Array.isArray(json)) return z.array(ZSeasonFile).min(1, { error: "expected at least one season" }).safeParse(json);
  if (json !== null && typeof json === "object" && "seasons" in json) {
    return z
      .strictObject({ seasons: z.array(ZSeasonFile).min(1, { error: "expected at least one season" }) })
      .transform((d) => d.seasons)
      .safeParse(json);
  }
  return ZSeasonFile.transform((s) => [s]).safeParse(json);
}

/** `+08:00` from `2020-03-02T00:00:00+08:00`; `UTC` for `Z`. */
export function offsetOf(iso: string): string {
  const m = /([+-]\d{2}:\d{2}|Z)$/i.exec(iso);
  if (!m?.[1] || m[1].toUpperCase() === "Z" || m[1] === "+00:00") return "UTC";
  return m[1];
}
