import { z } from "zod";
import { ZLogin, ZRepoName, ZSeasonDocument, type SeasonFile } from "@/lib/seasons/season-file";

/**
 * The season archive, `podium-season/1`: one season as a season file, with everything its rankings and profiles
 * are made of — tasks, pull requests (links, references, `/reward`s), the score ledger, the people, the
 * maintainer roles — and the results it ranked with, which an import checks it reproduces. Objects are named by
 * natural keys (logins, `owner/repo`, `owner/repo#N`), never by one database's ids. Strict and bounded: an
 * unknown field, a string too long, a list too long is refused with its path.
 */
export const ARCHIVE_FORMAT = "podium-season/1";

/** Bounds (documented in docs/contract.md): far above a real season (season 2: ~2500 tasks, ~5000 PRs). */
export const ARCHIVE_LIMITS = { bytes: 16 * 1024 * 1024, participants: 50_000, tasks: 50_000, pulls: 100_000, ledger: 200_000, roles: 5_000, links: 20, rewards: 50, labels: 100 } as const;

const most = (n: number, what: string) => ({ error: `expected at most ${n} ${what}` });
/** Text as stored (not trimmed: titles are GitHub's), without NUL, bounded. */
const text = (max: number) =>
  z
    .string({ error: "expected text" })
    .max(max, most(max, "characters"))
    .refine((s) => !s.includes("\u0000"), { error: "must not contain NUL characters" });
const instant = z.iso.datetime({ offset: true, error: "expected an ISO 8601 date-time with a zone" });
const count = (max: number) => z.number({ error: "expected a whole number" }).int({ error: "expected a whole number" }).min(-max, most(max, "in size")).max(max, most(max, "in size"));
const ZIssueKey = z.string({ error: "expected owner/repo#N" }).regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}#[1-9]\d{0,9}$/, { error: "expected owner/repo#N" });
const ZLinkSource = z.enum(["closing", "reference", "url", "prefixed", "manual"], { error: "expected closing, reference, url, prefixed or manual" });
/** An http(s) URL (GitHub's pages and avatars; a GitHub Enterprise or the demo GitHub may be plain http) or null. */
const url = z
  .string({ error: "expected an http(s) URL" })
  .max(2000, most(2000, "characters"))
  .regex(/^https?:\/\/\S+$/, { error: "expected an http(s) URL" })
  .nullable();
/** A ledger key with one database's ids replaced by natural keys (`s@`, `t@owner/repo#N`, `pr@owner/repo#N`, `u@login`). */
const key = z
  .string({ error: "expected a key" })
  .min(1, { error: "expected a key" })
  .max(300, most(300, "characters"))
  .regex(/^\S+$/, { error: "expected a key without spaces" })
  .refine((s) => !s.includes("\u0000"), { error: "must not contain NUL characters" });

export const ZArchiveParticipant = z.strictObject({
  login: ZLogin,
  githubId: z.number({ error: "expected a GitHub id" }).int({ error: "expected a GitHub id" }).positive({ error: "expected a GitHub id" }).max(Number.MAX_SAFE_INTEGER).nullable(),
  name: text(300).nullable(),
  avatarUrl: url,
  isBot: z.boolean({ error: "expected true or false" }),
});

export const ZArchiveTask = z.strictObject({
  issue: ZIssueKey,
  title: text(1000),
  url,
  labels: z.array(text(200)).max(ARCHIVE_LIMITS.labels, most(ARCHIVE_LIMITS.labels, "labels")),
  difficulty: text(60).nullable(),
  score: count(10_000_000).nullable(),
  scoreSource: z.enum(["override", "body", "label", "default", "none"], { error: "expected override, body, label, default or none" }),
  statedScore: count(10_000_000).nullable(),
  scoreOverride: count(10_000_000).nullable(),
  scoreOverrideReason: text(500).nullable(),
  minScoreRequired: count(10_000_000).nullable(),
  perPr: z.boolean({ error: "expected true or false" }),
  active: z.boolean({ error: "expected true or false" }),
  manual: z.boolean({ error: "expected true or false" }),
  issueState: z.enum(["open", "closed"], { error: "expected open or closed" }),
  state: z.enum(["open", "picked", "completed", "closed"], { error: "expected open, picked, completed or closed" }),
  pickedUpBy: ZLogin.nullable(),
  pickedUpAt: instant.nullable(),
  githubCreatedAt: instant.nullable(),
  githubUpdatedAt: instant.nullable(),
});

export const ZArchivePull = z.strictObject({
  pr: ZIssueKey,
  title: text(1000),
  url,
  author: ZLogin.nullable(),
  authorLogin: text(60).nullable(),
  labels: z.array(text(200)).max(ARCHIVE_LIMITS.labels, most(ARCHIVE_LIMITS.labels, "labels")),
  state: z.enum(["open", "closed", "merged"], { error: "expected open, closed or merged" }),
  mergedAt: instant.nullable(),
  mergedByLogin: text(60).nullable(),
  githubCreatedAt: instant.nullable(),
  githubUpdatedAt: instant.nullable(),
  tasks: z.array(z.strictObject({ issue: ZIssueKey, source: ZLinkSource })).max(ARCHIVE_LIMITS.links, most(ARCHIVE_LIMITS.links, "links")),
  refs: z.array(z.strictObject({ issue: ZIssueKey, source: ZLinkSource })).max(ARCHIVE_LIMITS.links * 5, most(ARCHIVE_LIMITS.links * 5, "references")),
  rewards: z
    .array(z.strictObject({ commentId: text(100).pipe(z.string().min(1, { error: "expected a comment id" })), authorLogin: text(60).nullable(), points: count(1_000_000), commentedAt: instant }))
    .max(ARCHIVE_LIMITS.rewards, most(ARCHIVE_LIMITS.rewards, "rewards")),
});

export const ZArchiveEntry = z.strictObject({
  participant: ZLogin,
  task: ZIssueKey.nullable(),
  pr: ZIssueKey.nullable(),
  repo: ZRepoName.nullable(),
  difficulty: text(60).nullable(),
  points: count(1_000_000),
  kind: z.enum(["award", "adjustment", "revocation"], { error: "expected award, adjustment or revocation" }),
  actor: ZLogin.nullable(),
  reason: text(1000),
  occurredAt: instant,
  createdAt: instant,
  sourceKey: key.nullable(),
  awardKey: key.nullable(),
  /** The index (in this list) of the entry it revokes. */
  revokes: z.number({ error: "expected an entry's index" }).int({ error: "expected an entry's index" }).min(0, { error: "expected an entry's index" }).nullable(),
  /** The team that owns the entry's points (one of the season file's teams), or null: the participant's own. Absent in archives written before team ownership: null. */
  team: text(100).nullable().optional(),
});

export const ZArchiveResult = z.strictObject({ login: ZLogin, points: count(100_000_000), rawPoints: count(100_000_000), tasks: count(10_000_000) });

const ZArchiveSeason = ZSeasonDocument.pipe(z.array(z.custom<SeasonFile>()).length(1, { error: "expected exactly one season" })).transform((list) => list[0]!);

const ZArchiveBase = z.strictObject({
    format: z.literal(ARCHIVE_FORMAT, { error: `expected "${ARCHIVE_FORMAT}"` }),
    exportedAt: instant,
    season: ZArchiveSeason,
    finalizedAt: instant.nullable(),
    participants: z.array(ZArchiveParticipant).max(ARCHIVE_LIMITS.participants, most(ARCHIVE_LIMITS.participants, "participants")),
    roles: z.array(z.strictObject({ login: ZLogin, role: z.literal("maintainer", { error: "expected maintainer (an archive grants no admin)" }), repo: ZRepoName })).max(ARCHIVE_LIMITS.roles, most(ARCHIVE_LIMITS.roles, "roles")),
    tasks: z.array(ZArchiveTask).max(ARCHIVE_LIMITS.tasks, most(ARCHIVE_LIMITS.tasks, "tasks")),
    pulls: z.array(ZArchivePull).max(ARCHIVE_LIMITS.pulls, most(ARCHIVE_LIMITS.pulls, "pull requests")),
    ledger: z.array(ZArchiveEntry).max(ARCHIVE_LIMITS.ledger, most(ARCHIVE_LIMITS.ledger, "ledger entries")),
    results: z.array(ZArchiveResult).max(ARCHIVE_LIMITS.participants, most(ARCHIVE_LIMITS.participants, "results")),
});

export const ZSeasonArchive = ZArchiveBase.superRefine((doc, ctx) => crossCheck(doc, ctx));

export type SeasonArchive = z.output<typeof ZSeasonArchive>;

/** What refers to what inside the archive must be there: people, tasks, pull requests, entries; keys once each. */
function crossCheck(doc: z.output<typeof ZArchiveBase>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const logins = new Set<string>();
  doc.participants.forEach((p, i) => {
    const l = p.login.toLowerCase();
    if (logins.has(l)) issue(["participants", i, "login"], `${p.login} is listed twice`);
    logins.add(l);
  });
  const person = (login: string | null, path: (string | number)[]) => {
    if (login !== null && !logins.has(login.toLowerCase())) issue(path, `${login} is not among the archive's participants`);
  };
  const repos = new Set([...doc.season.repos, ...(doc.season.companionRepos ?? [])].map((r) => r.toLowerCase()));
  const taskKeys = new Set<string>();
  doc.tasks.forEach((t, i) => {
    const k = t.issue.toLowerCase();
    if (taskKeys.has(k)) issue(["tasks", i, "issue"], `${t.issue} is listed twice`);
    if (!doc.season.repos.map((r) => r.toLowerCase()).includes(k.split("#")[0]!)) issue(["tasks", i, "issue"], `${t.issue} is not in one of the season's repositories`);
    taskKeys.add(k);
    person(t.pickedUpBy, ["tasks", i, "pickedUpBy"]);
  });
  const prKeys = new Set<string>();
  doc.pulls.forEach((p, i) => {
    const k = p.pr.toLowerCase();
    if (prKeys.has(k)) issue(["pulls", i, "pr"], `${p.pr} is listed twice`);
    if (!repos.has(k.split("#")[0]!)) issue(["pulls", i, "pr"], `${p.pr} is not in one of the season's repositories`);
    prKeys.add(k);
    person(p.author, ["pulls", i, "author"]);
    p.tasks.forEach((l, j) => {
      if (!taskKeys.has(l.issue.toLowerCase())) issue(["pulls", i, "tasks", j, "issue"], `${l.issue} is not among the archive's tasks`);
    });
  });
  const teamNames = new Set((doc.season.teams ?? []).map((t) => t.name.toLowerCase()));
  doc.ledger.forEach((e, i) => {
    person(e.participant, ["ledger", i, "participant"]);
    if (e.team != null && !teamNames.has(e.team.toLowerCase())) issue(["ledger", i, "team"], `${e.team} is not among the season's teams`);
    person(e.actor, ["ledger", i, "actor"]);
    if (e.task !== null && !taskKeys.has(e.task.toLowerCase())) issue(["ledger", i, "task"], `${e.task} is not among the archive's tasks`);
    if (e.pr !== null && !prKeys.has(e.pr.toLowerCase())) issue(["ledger", i, "pr"], `${e.pr} is not among the archive's pull requests`);
    if (e.revokes !== null && e.revokes >= i) issue(["ledger", i, "revokes"], "expected the index of an earlier entry");
  });
  const sourceKeys = new Set<string>();
  doc.ledger.forEach((e, i) => {
    if (e.sourceKey === null) return;
    if (sourceKeys.has(e.sourceKey)) issue(["ledger", i, "sourceKey"], "this key is used twice");
    sourceKeys.add(e.sourceKey);
  });
  doc.results.forEach((r, i) => person(r.login, ["results", i, "login"]));
  doc.roles.forEach((r, i) => person(r.login, ["roles", i, "login"]));
}

/** The ids a ledger key names, one way (export: ids → natural keys) or the other (import). */
export type KeyNames = {
  season: (id: number) => string | null;
  task: (id: number) => string | null;
  pr: (id: number) => string | null;
  participant: (id: number) => string | null;
};

/**
 * A ledger key of this database written with natural keys: `s12:t345:u6` → `s@:t@acme/app#7:u@ann`. Segments
 * that name nothing known stay as they are (manual entries' random ids, comment ids, correction counters).
 */
export function portableKey(k: string, names: KeyNames): string {
  return k
    .split(":")
    .map((seg, i, all) => {
      const m = /^(s|t|pr|u)(\d+)$/.exec(seg);
      if (!m || (i > 0 && all[i - 1] === "reward")) return seg;
      const id = Number(m[2]);
      const name = m[1] === "s" ? (i === 0 ? names.season(id) : null) : m[1] === "t" ? names.task(id) : m[1] === "pr" ? names.pr(id) : names.participant(id);
      return name === null ? seg : `${m[1]}@${name}`;
    })
    .join(":");
}

/** The inverse: natural keys back to this database's ids (`s@` is the season being imported). Null when a name is unknown. */
export function localKey(k: string, ids: { season: number; task: (issue: string) => number | undefined; pr: (issue: string) => number | undefined; participant: (login: string) => number | undefined }): string | null {
  const out: string[] = [];
  for (const seg of k.split(":")) {
    const m = /^(s|t|pr|u)@(.*)$/.exec(seg);
    if (!m) {
      out.push(seg);
      continue;
    }
    const id = m[1] === "s" ? (m[2] === "" ? ids.season : undefined) : m[1] === "t" ? ids.task(m[2]!) : m[1] === "pr" ? ids.pr(m[2]!) : ids.participant(m[2]!);
    if (id === undefined) return null;
    out.push(`${m[1]}${id}`);
  }
  return out.join(":");
}

