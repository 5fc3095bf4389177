import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { countsForSeason } from "@/lib/rules/window";
import { LEDGER_POINT } from "@/lib/scoring/refresh-totals";
import { pointsTimeline, type LedgerPoint } from "@/lib/scoring/totals";
import type { SeasonRules } from "@/lib/seasons/season-file";
import { rankOfScore, scoreHistogram, unrankedScores } from "./score-histogram";
import { participants, pullRequests, pullRequestTasks, repositories, scoreEntries, seasonRepositories, seasons, seasonTotals, tasks } from "@/db/schema";

export type ParticipantProfile = {
  login: string;
  /** Hidden from public rankings and the public API (#19): the public sees no profile (404). */
  hidden: boolean;
  name: string | null;
  avatarUrl: string | null;
  seasons: {
    slug: string;
    name: string;
    rank: number | null;
    score: number;
    rawScore: number;
    /** Points over time (capped as in the total), one step per ledger entry. */
    timeline: { at: string; points: number }[];
    completed: {
      repo: string;
      number: number;
      title: string;
      difficulty: string | null;
      points: number;
      pullRequests: { repo: string; number: number; mergedAt: string | null }[];
    }[];
  }[];
};

/** A participant's public profile (the API's shape), or null for an unknown login. */
export async function getParticipantProfile(db: Executor, login: string): Promise<ParticipantProfile | null> {
  const [p] = await db
    .select({ id: participants.id, login: participants.login, name: participants.name, avatarUrl: participants.avatarUrl, isBot: participants.isBot, hidden: participants.hidden })
    .from(participants)
    .where(eq(sql`lower(${participants.login})`, login.toLowerCase()));
  if (!p || p.isBot) return null;
  const totals = await db
    .select({
      seasonId: seasons.id, slug: seasons.slug, name: seasons.name, unranked: seasons.unranked, rules: seasons.rules,
      startsAt: seasons.startsAt, endsAt: seasons.endsAt, graceDays: seasons.graceDays, points: seasonTotals.points, raw: seasonTotals.rawPoints,
    })
    .from(seasonTotals)
    .innerJoin(seasons, eq(seasons.id, seasonTotals.seasonId))
    .where(eq(seasonTotals.participantId, p.id))
    .orderBy(desc(seasons.startsAt));
  // The ledger is indexed by (season, participant): naming the participant's seasons lets it be used (by the
  // participant alone it would scan the index of every season's entries).
  const mine = and(inArray(scoreEntries.seasonId, totals.length ? totals.map((t) => t.seasonId) : [-1]), eq(scoreEntries.participantId, p.id));
  const ledger = await db
    .select({ ...LEDGER_POINT, seasonId: scoreEntries.seasonId })
    .from(scoreEntries)
    .where(mine)
    .orderBy(asc(scoreEntries.occurredAt), asc(scoreEntries.id));
  const entries = await db
    .select({
      seasonId: scoreEntries.seasonId,
      taskId: scoreEntries.taskId,
      points: scoreEntries.points,
      repo: repositories.fullName,
      number: tasks.number,
      title: tasks.title,
      difficulty: tasks.difficulty,
    })
    .from(scoreEntries)
    .innerJoin(tasks, eq(tasks.id, scoreEntries.taskId))
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(mine)
    // The completed tasks in the order they were earned; ties by task, so the order survives an archive round trip.
    .orderBy(asc(scoreEntries.occurredAt), asc(repositories.fullName), asc(tasks.number), asc(scoreEntries.id));
  const prsByTask = await countingPullRequests(db, p.id, mine, totals, entries.some((e) => e.taskId !== null));
  const out: ParticipantProfile["seasons"] = [];
  for (const t of totals) out.push(await seasonOf(db, p.login, t, entries, ledger, prsByTask));
  return { login: p.login, hidden: p.hidden, name: p.name, avatarUrl: p.avatarUrl, seasons: out };
}

type SeasonTotal = { seasonId: number; slug: string; name: string; unranked: string[]; rules: SeasonRules; startsAt: Date; endsAt: Date; graceDays: number; points: number; raw: number };
type Completed = ParticipantProfile["seasons"][number]["completed"][number];
type TaskEntry = { seasonId: number; taskId: number | null; points: number; repo: string; number: number; title: string; difficulty: string | null };

/** The participant's merged PRs under each task they earned on, only those that count in the task's season window. */
async function countingPullRequests(db: Executor, participantId: number, mine: SQL | undefined, totals: SeasonTotal[], anyTask: boolean): Promise<Map<number, Completed["pullRequests"]>> {
  const prs = anyTask
    ? await db
        .select({
          taskId: pullRequestTasks.taskId, seasonId: tasks.seasonId, taskCreatedAt: tasks.githubCreatedAt, pickedUpAt: tasks.pickedUpAt,
          repo: repositories.fullName, number: pullRequests.number, mergedAt: pullRequests.mergedAt, createdAt: pullRequests.githubCreatedAt,
        })
        .from(pullRequestTasks)
        .innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId))
        .innerJoin(pullRequests, eq(pullRequests.id, pullRequestTasks.pullRequestId))
        .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
        // The tasks by a subquery, not a list of ids: a prolific participant has thousands.
        .where(and(inArray(pullRequestTasks.taskId, db.select({ id: scoreEntries.taskId }).from(scoreEntries).where(mine)), eq(pullRequests.authorId, participantId)))
        .orderBy(asc(pullRequests.mergedAt))
    : [];

  // Under a task, only the PRs that count in its season's window (merged inside it, or in the grace days).
  const seasonRepos = totals.length
    ? await db
        .select({ seasonId: seasonRepositories.seasonId, repo: repositories.fullName })
        .from(seasonRepositories)
        .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
        .where(inArray(seasonRepositories.seasonId, totals.map((t) => t.seasonId)))
    : [];
  const windows = new Map(totals.map((t) => [t.seasonId, { ...t, repos: seasonRepos.filter((r) => r.seasonId === t.seasonId).map((r) => r.repo) }]));
  const counting = prs.filter((x) => {
    const w = windows.get(x.seasonId);
    return w !== undefined && countsForSeason(x, w, { createdAt: x.taskCreatedAt, pickedUpAt: x.pickedUpAt });
  });

  // Grouped once: a prolific participant has hundreds of tasks and as many PRs.
  const prsByTask = new Map<number, ParticipantProfile["seasons"][number]["completed"][number]["pullRequests"]>();
  for (const x of counting) {
    const list = prsByTask.get(x.taskId) ?? [];
    list.push({ repo: x.repo, number: x.number, mergedAt: x.mergedAt?.toISOString() ?? null });
    prsByTask.set(x.taskId, list);
  }
  return prsByTask;
}

/** One season of the profile: rank (from the season's histogram), score, the points over time, the tasks completed. */
async function seasonOf(db: Executor, login: string, t: SeasonTotal, entries: TaskEntry[], ledger: (LedgerPoint & { seasonId: number })[], prsByTask: Map<number, Completed["pullRequests"]>) {
  const unranked = t.unranked.map((u) => u.toLowerCase()).includes(login.toLowerCase());
  let rank: number | null = null;
  if (!unranked) {
    // From the season's score histogram (shared for half a second), less the staff above this score.
    const histogram = await scoreHistogram(db, t.seasonId, null);
    const staff = await unrankedScores(db, t.seasonId, t.unranked);
    rank = rankOfScore(histogram, t.points, staff);
  }
  const byTask = new Map<number, Completed>();
  for (const e of entries.filter((x) => x.seasonId === t.seasonId && x.taskId !== null)) {
    const c = byTask.get(e.taskId!) ?? { repo: e.repo, number: e.number, title: e.title, difficulty: e.difficulty, points: 0, pullRequests: [] };
    c.points += e.points;
    byTask.set(e.taskId!, c);
  }
  for (const [taskId, c] of byTask) c.pullRequests = prsByTask.get(taskId) ?? [];
  const timeline = pointsTimeline(ledger.filter((e) => e.seasonId === t.seasonId), t.rules).map((p) => ({ at: p.at.toISOString(), points: p.points }));
  return { slug: t.slug, name: t.name, rank, score: t.points, rawScore: t.raw, timeline, completed: [...byTask.values()].filter((c) => c.points > 0) };
}
