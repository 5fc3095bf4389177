import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appeals, participants, pullRequests, repositories, seasons, tasks } from "@/db/schema";
import { renderWords, words, type Words } from "@/lib/i18n/words";
import { outcomeWords, type OutcomeNames } from "@/lib/outcomes/words";
import { seesHidden } from "@/lib/participants/privacy";
import { decideScope, seasonForAwards } from "@/lib/scoring/award-season";
import type { OutcomeCode, PrDecision } from "@/lib/scoring/outcomes";
import { inChunks } from "@/lib/util/chunks";

export type PullOutcome = {
  pullRequestId: number;
  repo: string;
  number: number;
  title: string;
  mergedAt: string | null;
  /** `owner/repo#N` of the task the outcome is about, or null. */
  task: string | null;
  points: number;
  outcome: OutcomeCode;
  /** The sentence a participant reads (lib/outcomes/words.ts), in English: the API's `detail`. */
  detail: string;
  /** The same sentence as catalogue words, for a page or a bot comment in another language. */
  words: Words;
  /** The participant's latest appeal on it in this season, with the maintainer's answer. */
  appeal: { status: "open" | "accepted" | "declined"; answer: string | null; points: number | null } | null;
};

/**
 * Every pull request of a participant that matters in a season, with its outcome and the words for it: merged PRs
 * in the season's repositories during the window and its grace, and every PR that references a task (also outside
 * the window, or still open). Decided by the same pure pass that awards points, replayed for this participant's
 * scope (their PRs, their team mates', the tasks they touch). Null when the participant or the season is unknown.
 */
export async function participantPulls(db: Executor, login: string, slug: string, viewer: Reader = null): Promise<PullOutcome[] | null> {
  const [person] = await db.select({ id: participants.id }).from(participants).where(eq(sql`lower(${participants.login})`, login.toLowerCase()));
  if (!person) return null;
  return pullOutcomes(db, slug, { participantId: person.id }, viewer);
}

/** Who reads the sentences: a hidden participant named in them (a task's holder) is "a participant" unless the reader sees them; null is the public. */
type Reader = { login: string; isAdmin: boolean } | null;

/**
 * The outcomes of one participant's pull requests in a season (see `participantPulls`), or of the pull requests
 * linked to one task (the task page). Null when the season is unknown.
 */
export async function pullOutcomes(db: Executor, slug: string, of: { participantId: number } | { taskId: number }, viewer: Reader = null): Promise<PullOutcome[] | null> {
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  if (!row) return null;
  const season = await seasonForAwards(db, row.id);
  const scope = "participantId" in of ? { taskIds: [], pullRequestIds: [], participantIds: [of.participantId] } : { taskIds: [of.taskId], pullRequestIds: [] };
  const { decisions } = await decideScope(db, season, scope);
  const prRows = await inChunks(
    decisions.map((d) => d.pullRequestId),
    (part) =>
      db
        .select({ id: pullRequests.id, repo: repositories.fullName, number: pullRequests.number, title: pullRequests.title, mergedAt: pullRequests.mergedAt, authorId: pullRequests.authorId })
        .from(pullRequests)
        .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
        .where(inArray(pullRequests.id, part)),
  );
  const prs = new Map(prRows.map((p) => [p.id, p]));
  const until = season.endsAt.getTime() + season.graceDays * 86_400_000;
  const inWindow = (at: Date | null) => at !== null && at.getTime() >= season.startsAt.getTime() && at.getTime() <= until;
  const mine = decisions.filter((d) => {
    const pr = prs.get(d.pullRequestId);
    if (!pr) return false;
    if ("taskId" in of) return d.taskId === of.taskId;
    return pr.authorId === of.participantId && (inWindow(pr.mergedAt) || d.taskId !== null);
  });
  const names = await namesFor(db, mine, prs, season.timeZone, viewer);
  const appealRows = await inChunks(
    mine.map((d) => d.pullRequestId),
    (part) =>
      db
        .select({ pullRequestId: appeals.pullRequestId, status: appeals.status, answer: appeals.answer, points: appeals.points, id: appeals.id })
        .from(appeals)
        .where(and(eq(appeals.seasonId, season.id), inArray(appeals.pullRequestId, part))),
  );
  const latest = new Map<number, (typeof appealRows)[number]>();
  for (const a of appealRows) if ((latest.get(a.pullRequestId)?.id ?? 0) < a.id) latest.set(a.pullRequestId, a);
  return mine
    .map((d) => {
      const pr = prs.get(d.pullRequestId)!;
      return {
        pullRequestId: pr.id,
        repo: pr.repo,
        number: pr.number,
        title: pr.title,
        mergedAt: pr.mergedAt?.toISOString() ?? null,
        task: d.taskId === null ? null : taskRef(names.task(d.taskId)),
        points: d.points,
        outcome: d.outcome,
        ...sentence(outcomeWords(d, names)),
        appeal: latest.has(pr.id) ? { status: latest.get(pr.id)!.status, answer: latest.get(pr.id)!.answer, points: latest.get(pr.id)!.points } : null,
      };
    })
    .sort((a, b) => (b.mergedAt ?? "9").localeCompare(a.mergedAt ?? "9") || a.repo.localeCompare(b.repo) || a.number - b.number);
}

const taskRef = (name: unknown): string | null => (typeof name === "string" ? name : null);
const sentence = (w: Words) => ({ words: w, detail: renderWords(w, "en") });

async function namesFor(db: Executor, decisions: PrDecision[], prs: Map<number, { repo: string; number: number }>, timeZone: string, viewer: Reader): Promise<OutcomeNames> {
  const taskIds = new Set<number>();
  const prIds = new Set<number>();
  const people = new Set<number>();
  for (const d of decisions) {
    if (d.taskId !== null) taskIds.add(d.taskId);
    if (d.outcome === "needs-score" || d.outcome === "held-by-other" || d.outcome === "gate" || d.outcome === "already-paid") taskIds.add(d.taskId);
    if (d.outcome === "already-paid") prIds.add(d.paidPullRequestId);
    if (d.outcome === "held-by-other") people.add(d.holderId);
    if (d.outcome === "revoked" && d.actorId !== null) people.add(d.actorId);
  }
  const taskRows = await inChunks([...taskIds], (part) =>
    db.select({ id: tasks.id, repo: repositories.fullName, number: tasks.number }).from(tasks).innerJoin(repositories, eq(repositories.id, tasks.repositoryId)).where(inArray(tasks.id, part)),
  );
  const otherPrs = await inChunks(
    [...prIds].filter((id) => !prs.has(id)),
    (part) => db.select({ id: pullRequests.id, repo: repositories.fullName, number: pullRequests.number }).from(pullRequests).innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId)).where(inArray(pullRequests.id, part)),
  );
  const logins = await inChunks([...people], (part) => db.select({ id: participants.id, login: participants.login, hidden: participants.hidden }).from(participants).where(inArray(participants.id, part)));
  const taskName = new Map(taskRows.map((t) => [t.id, `${t.repo}#${t.number}`]));
  const prName = new Map([...[...prs].map(([id, p]) => [id, `${p.repo}#${p.number}`] as const), ...otherPrs.map((p) => [p.id, `${p.repo}#${p.number}`] as const)]);
  const login = new Map(logins.map((p) => [p.id, p.hidden && !seesHidden(viewer, p.login) ? words("common.anonymous") : p.login]));
  return {
    task: (id) => taskName.get(id) ?? words("outcomes.names.theTask"),
    pullRequest: (id) => prName.get(id) ?? words("outcomes.names.anotherPullRequest"),
    person: (id) => (id === null ? words("outcomes.names.aMaintainer") : (login.get(id) ?? words("outcomes.names.someone"))),
    timeZone,
  };
}
