import { and, count, countDistinct, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, repositories, scoreEntries, seasonRepoTotals, seasons, seasonTotals, tasks, teams } from "@/db/schema";
import { LEDGER_POINT } from "@/lib/scoring/refresh-totals";
import { computeTotals, pointsTimeline } from "@/lib/scoring/totals";
import { shares } from "@/lib/report/charts";
import { getLeaderboard } from "./leaderboard";
import { finalPrizes, type FinalPrize } from "./season-results";

export type SeasonReport = {
  season: { slug: string; name: string; startsAt: string; endsAt: string; final: boolean; finalizedAt: string | null };
  participants: number;
  teams: number;
  tasksCompleted: number;
  byDifficulty: { difficulty: string; tasks: number }[];
  byRepository: { repo: string; tasks: number; points: number; percent: number }[];
  /** `login` null for a participant who hid themselves (#19): the public report anonymizes them for everyone. */
  topTen: { rank: number | null; login: string | null; score: number; tasks: number; timeline: { at: string; points: number }[] }[];
  /** Tasks completed in each week of the season (week 1 starts on `startsAt`), by the task's first award. */
  weekly: { week: number; from: string; tasks: number }[];
  prizes: FinalPrize[];
};

const WEEK_MS = 7 * 86_400_000;

/**
 * The season report (`/seasons/{slug}/report` and its JSON): counts, completed tasks by difficulty and
 * repository, each repository's share of the points, the top ten and their points over time, tasks per
 * week, and the prize winners once final. Aggregates in SQL; only the top ten's ledger is read row by row.
 */
export async function getSeasonReport(db: Executor, slug: string): Promise<SeasonReport | null> {
  const [season] = await db.select().from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const completed = and(eq(tasks.seasonId, season.id), eq(tasks.state, "completed"));
  const [[people], [teamCount], perRepoDifficulty, repoPoints, teamPoints, board, weeks] = await Promise.all([
    // Everyone who earned points in the season, theirs or their team's (a member whose points are all the team's has no totals row).
    db.select({ n: countDistinct(scoreEntries.participantId) }).from(scoreEntries).where(eq(scoreEntries.seasonId, season.id)),
    db.select({ n: count() }).from(teams).where(eq(teams.seasonId, season.id)),
    db
      .select({ repo: repositories.fullName, difficulty: tasks.difficulty, n: count() })
      .from(tasks)
      .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
      .where(completed)
      .groupBy(repositories.fullName, tasks.difficulty),
    db
      .select({ repo: repositories.fullName, points: sql<number>`coalesce(sum(${seasonRepoTotals.points}), 0)::int` })
      .from(seasonRepoTotals)
      .innerJoin(repositories, eq(repositories.id, seasonRepoTotals.repositoryId))
      .where(eq(seasonRepoTotals.seasonId, season.id))
      .groupBy(repositories.fullName),
    teamRepoPoints(db, season),
    getLeaderboard(db, { slug, limit: 10, offset: 0 }),
    weeklyCompletions(db, season.id, season.startsAt),
  ]);
  const top = board?.entries ?? [];
  const timelines = await topTimelines(db, season, top.map((e) => e.login));
  const byDifficulty = new Map<string, number>();
  const repoTasks = new Map<string, number>();
  for (const r of perRepoDifficulty) {
    byDifficulty.set(r.difficulty ?? "none", (byDifficulty.get(r.difficulty ?? "none") ?? 0) + Number(r.n));
    repoTasks.set(r.repo, (repoTasks.get(r.repo) ?? 0) + Number(r.n));
  }
  const repos = new Set([...repoTasks.keys(), ...repoPoints.map((r) => r.repo), ...teamPoints.keys()]);
  const pointsOf = (repo: string) => (repoPoints.find((r) => r.repo === repo)?.points ?? 0) + (teamPoints.get(repo) ?? 0);
  const weekCount = Math.max(1, Math.ceil((season.endsAt.getTime() - season.startsAt.getTime()) / WEEK_MS), ...weeks.map((w) => w.week + 1));
  return {
    season: { slug: season.slug, name: season.name, startsAt: season.startsAt.toISOString(), endsAt: season.endsAt.toISOString(), final: season.finalizedAt !== null, finalizedAt: season.finalizedAt?.toISOString() ?? null },
    participants: Number(people?.n ?? 0),
    teams: Number(teamCount?.n ?? 0),
    tasksCompleted: [...byDifficulty.values()].reduce((a, b) => a + b, 0),
    byDifficulty: [...byDifficulty].map(([difficulty, n]) => ({ difficulty, tasks: n })).sort((a, b) => b.tasks - a.tasks || a.difficulty.localeCompare(b.difficulty)),
    byRepository: shares([...repos].map((repo) => ({ repo, tasks: repoTasks.get(repo) ?? 0, value: pointsOf(repo) }))).map(({ value, ...r }) => ({ ...r, points: value })),
    topTen: top.map((e) => ({ rank: e.rank, login: e.hidden ? null : e.login, score: e.score, tasks: e.tasks, timeline: timelines.get(e.login.toLowerCase()) ?? [] })),
    weekly: Array.from({ length: weekCount }, (_, i) => ({ week: i + 1, from: new Date(season.startsAt.getTime() + i * WEEK_MS).toISOString(), tasks: weeks.find((w) => w.week === i)?.n ?? 0 })),
    prizes: season.finalizedAt ? await finalPrizes(db, season) : [],
  };
}

/**
 * The points teams own, per repository (contract, "Teams": not on the members' rows, so not in
 * `season_repo_totals`), each team one scorer under the season's caps as in lib/queries/teams.ts.
 */
async function teamRepoPoints(db: Executor, season: { id: number; rules: Parameters<typeof computeTotals>[1] }): Promise<Map<string, number>> {
  const owned = await db
    .select({ ...LEDGER_POINT, teamId: scoreEntries.teamId, repo: repositories.fullName })
    .from(scoreEntries)
    .innerJoin(repositories, eq(repositories.id, scoreEntries.repositoryId))
    .where(and(eq(scoreEntries.seasonId, season.id), isNotNull(scoreEntries.teamId)));
  const names = new Map(owned.map((e) => [e.repositoryId, e.repo]));
  const out = new Map<string, number>();
  for (const team of computeTotals(owned.map((e) => ({ ...e, participantId: e.teamId! })), season.rules)) {
    for (const [repositoryId, t] of team.byRepo) {
      const repo = names.get(repositoryId)!;
      out.set(repo, (out.get(repo) ?? 0) + t.points);
    }
  }
  return out;
}

/** Completed tasks per week of the season, each counted in the week of its first award. */
async function weeklyCompletions(db: Executor, seasonId: number, startsAt: Date): Promise<{ week: number; n: number }[]> {
  const first = db
    .select({ taskId: scoreEntries.taskId, at: sql<Date>`min(${scoreEntries.occurredAt})`.as("first_at") })
    .from(scoreEntries)
    .innerJoin(tasks, eq(tasks.id, scoreEntries.taskId))
    .where(and(eq(scoreEntries.seasonId, seasonId), eq(scoreEntries.kind, "award"), eq(tasks.state, "completed")))
    .groupBy(scoreEntries.taskId)
    .as("first");
  const week = sql<number>`greatest(0, floor(extract(epoch from (${first.at} - ${startsAt.toISOString()}::timestamptz)) / ${WEEK_MS / 1000}))::int`;
  // By output position: the week expression's parameters would differ between select and group by.
  const rows = await db.select({ week, n: count() }).from(first).groupBy(sql`1`).orderBy(sql`1`);
  return rows.map((r) => ({ week: Number(r.week), n: Number(r.n) }));
}

/** Points over time (capped as in the totals) of a few participants, by lower-case login: their own points, not their team's. */
async function topTimelines(db: Executor, season: { id: number; rules: Parameters<typeof pointsTimeline>[1] }, logins: string[]) {
  const out = new Map<string, { at: string; points: number }[]>();
  if (logins.length === 0) return out;
  const ids = await db
    .select({ id: seasonTotals.participantId, login: participants.login })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(and(eq(seasonTotals.seasonId, season.id), inArray(participants.login, logins)));
  const entries = await db
    .select(LEDGER_POINT)
    .from(scoreEntries)
    .where(and(eq(scoreEntries.seasonId, season.id), isNull(scoreEntries.teamId), inArray(scoreEntries.participantId, ids.map((i) => i.id))));
  for (const { id, login: name } of ids) {
    const login = name.toLowerCase();
    const mine = entries.filter((e) => e.participantId === id);
    out.set(login, pointsTimeline(mine, season.rules).map((p) => ({ at: p.at.toISOString(), points: p.points })));
  }
  return out;
}
