/**
 * Registration from sign-up issues, at the edges: the issues are stored as read (the import's search, an `issues`
 * webhook), the season's teams are derived again from all of its sign-ups (`derive.ts`, pure), only the differences
 * are written (`applyTeamSpecs`, the registration's own teams; the season file's are left alone), the season's
 * awards are decided again when a team changed, and the bot answers each sign-up once per outcome.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasons, signUpIssues, teamMembers, teams } from "@/db/schema";
import { publishChange } from "@/lib/cache/changes";
import { COMMAND_MAX_AGE_MS } from "@/lib/bot/comment-commands";
import { queueBotComment, type BotCommentsMode } from "@/lib/bot/post";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { applyTeamSpecs } from "@/lib/seasons/apply-teams";
import { chunks } from "@/lib/util/chunks";
import type { GhIssue } from "@/lib/sync/types";
import { deriveRegistration, type SignUpOutcome } from "./derive";
import { signUpReply } from "./replies";

type Season = typeof seasons.$inferSelect;
export type RegistrationOptions = { mode: BotCommentsMode; now: Date };
export type RegistrationResult = { changes: string[]; outcomes: SignUpOutcome[]; replies: number };

/** Stores sign-up issues as GitHub gave them, a bounded statement at a time; a copy older than the stored one (a late webhook) changes nothing. */
export async function storeSignUps(tx: Executor, issues: readonly GhIssue[]): Promise<void> {
  const rows = issues
    .filter((i) => i.author !== null)
    .map((i) => ({
      repo: i.repo.toLowerCase(),
      number: i.number,
      author: i.author!.login,
      title: i.title,
      body: i.body,
      state: i.state,
      createdAt: new Date(i.createdAt),
      closedAt: i.closedAt ? new Date(i.closedAt) : null,
      updatedAt: new Date(i.updatedAt),
    }));
  // One row per issue in a statement (the newest copy, if a batch holds one twice).
  rows.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
  const latest = [...new Map(rows.map((r) => [`${r.repo}#${r.number}`, r])).values()];
  for (const part of chunks(latest)) {
    await tx
      .insert(signUpIssues)
      .values(part)
      .onConflictDoUpdate({
        target: [signUpIssues.repo, signUpIssues.number],
        set: { author: sql`excluded.author`, title: sql`excluded.title`, body: sql`excluded.body`, state: sql`excluded.state`, closedAt: sql`excluded.closed_at`, updatedAt: sql`excluded.updated_at` },
        setWhere: sql`${signUpIssues.updatedAt} <= excluded.updated_at`,
      });
  }
}

/** The season file's teams and their members' logins: a registration may not take their names or their people. */
async function fileTeams(tx: Executor, seasonId: number) {
  const rows = await tx
    .select({ name: teams.name, login: participants.login })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .leftJoin(participants, eq(participants.id, teamMembers.participantId))
    .where(and(eq(teams.seasonId, seasonId), eq(teams.source, "file")));
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), ...(r.login ? [r.login] : [])]);
  return [...byName].map(([name, members]) => ({ name, members }));
}

const digest = (o: SignUpOutcome) => createHash("sha256").update(JSON.stringify(o)).digest("hex").slice(0, 12);

/** The season's teams from its sign-up issues, as stored; the bot's answers to the recent ones. */
export async function applyRegistration(tx: Executor, season: Season, options: RegistrationOptions): Promise<RegistrationResult> {
  const registration = season.options.registration;
  // A final season's teams are part of its frozen results (#18).
  if (!registration || season.finalizedAt) return { changes: [], outcomes: [], replies: 0 };
  const repo = registration.repo.toLowerCase();
  const issues = await tx.select().from(signUpIssues).where(eq(signUpIssues.repo, repo));
  const derived = deriveRegistration(
    issues.map((i) => ({ number: i.number, author: i.author, title: i.title, body: i.body, createdAt: i.createdAt })),
    { titlePrefix: registration.titlePrefix, fileTeams: await fileTeams(tx, season.id) },
  );
  const specs = derived.teams.map((t) => ({ name: t.name, difficulties: null, members: t.members }));
  const changes = await applyTeamSpecs(tx, specs, season.id, { report: true, source: "registration" });
  if (changes.length > 0) {
    await awardSeason(tx, await seasonForAwards(tx, season.id), "all");
    // The teams' pages and rankings, in every process, once this commits.
    await publishChange(tx);
  }
  // Answered once per outcome: an edit that changes what was read is answered again. Old sign-ups (a first import
  // of a registration repository's history) are not answered.
  const recent = new Set(issues.filter((i) => options.now.getTime() - i.updatedAt.getTime() <= COMMAND_MAX_AGE_MS).map((i) => i.number));
  let replies = 0;
  for (const o of derived.outcomes.filter((o) => recent.has(o.number))) {
    const key = `signup:${repo}#${o.number}:${digest(o)}`;
    const row = { key, kind: "registration" as const, seasonId: season.id, repo: registration.repo, number: o.number, body: signUpReply(key, o, season.options.language) };
    if (await queueBotComment(tx, options.mode, row)) replies += 1;
  }
  return { changes, outcomes: derived.outcomes, replies };
}

/**
 * Issues from a webhook: those that are sign-ups of a season's registration are stored and the season's
 * registration derived again, in the delivery's transaction.
 */
export async function registrationFromIssues(tx: Executor, issues: readonly GhIssue[], options: RegistrationOptions): Promise<RegistrationResult[]> {
  if (issues.length === 0) return [];
  const all = await tx.select().from(seasons);
  const out: RegistrationResult[] = [];
  for (const season of all) {
    const r = season.options.registration;
    if (!r) continue;
    // Every issue of the repository is kept (a title edited away from the prefix must be seen); `derive` picks.
    const mine = issues.filter((i) => i.repo.toLowerCase() === r.repo.toLowerCase());
    if (mine.length === 0) continue;
    await storeSignUps(tx, mine);
    out.push(await applyRegistration(tx, season, options));
  }
  return out;
}
