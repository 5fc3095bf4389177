import type { SeasonRules } from "@/lib/seasons/season-file";

/** A ledger entry as the totals need it. */
export type LedgerPoint = {
  id: number;
  participantId: number;
  repositoryId: number | null;
  taskId: number | null;
  difficulty: string | null;
  points: number;
  occurredAt: Date;
};

export type Breakdown = Record<string, { tasks: number; score: number }>;

export type Totals = {
  points: number;
  rawPoints: number;
  tasks: number;
  byDifficulty: Breakdown;
  reachedAt: Date;
};

export type ParticipantTotals = Totals & { participantId: number; byRepo: Map<number, Totals> };

/** The breakdown key of points with no difficulty (rewards on PRs without a task); no difficulty name can be it. */
export const NO_DIFFICULTY = "_none";

type Sums = { raw: Map<string, number>; rawByRepo: Map<string, number>; perTask: Map<number, number> };

const key = (repo: number | null, difficulty: string) => `${repo ?? 0}:${difficulty}`;

/**
 * Capped points: per difficulty, each repo's raw sum is held to the per-repo cap, then the
 * difficulty's sum to the overall cap. Points past a cap stay in the ledger; they just do not count.
 */
function capped(sums: Sums, rules: SeasonRules, onlyRepo?: number): { points: number; byDifficulty: Map<string, number> } {
  const byDifficulty = new Map<string, number>();
  for (const [k, raw] of sums.rawByRepo) {
    const [repoPart, difficulty = NO_DIFFICULTY] = k.split(/:(.*)/s);
    const repo = Number(repoPart);
    if (onlyRepo !== undefined && repo !== onlyRepo) continue;
    const repoCap = rules.caps.find((c) => c.perRepo && c.difficulty === difficulty)?.max ?? Infinity;
    byDifficulty.set(difficulty, (byDifficulty.get(difficulty) ?? 0) + Math.max(0, Math.min(repoCap, raw)));
  }
  let points = 0;
  for (const [difficulty, value] of byDifficulty) {
    const cap = rules.caps.find((c) => !c.perRepo && c.difficulty === difficulty)?.max ?? Infinity;
    const v = Math.min(cap, value);
    byDifficulty.set(difficulty, v);
    points += v;
  }
  return { points, byDifficulty };
}

function summarise(entries: LedgerPoint[], rules: SeasonRules, onlyRepo?: number, onStep?: (e: LedgerPoint, points: number) => void): Totals {
  const sums: Sums = { raw: new Map(), rawByRepo: new Map(), perTask: new Map() };
  let current = 0;
  let reachedAt = entries[0]?.occurredAt ?? new Date(0);
  let rawPoints = 0;
  for (const e of entries) {
    if (onlyRepo !== undefined && e.repositoryId !== onlyRepo) continue;
    const d = e.difficulty ?? NO_DIFFICULTY;
    const k = key(e.repositoryId, d);
    sums.rawByRepo.set(k, (sums.rawByRepo.get(k) ?? 0) + e.points);
    if (e.taskId !== null) sums.perTask.set(e.taskId, (sums.perTask.get(e.taskId) ?? 0) + e.points);
    rawPoints += e.points;
    const next = capped(sums, rules, onlyRepo).points;
    onStep?.(e, next);
    if (next !== current) {
      current = next;
      reachedAt = e.occurredAt;
    }
  }
  const { points, byDifficulty } = capped(sums, rules, onlyRepo);
  const taskDifficulty = new Map<number, string>();
  for (const e of entries) if (e.taskId !== null) taskDifficulty.set(e.taskId, e.difficulty ?? NO_DIFFICULTY);
  const breakdown: Breakdown = {};
  for (const [difficulty, score] of byDifficulty) breakdown[difficulty] = { tasks: 0, score };
  let tasks = 0;
  for (const [taskId, sum] of sums.perTask) {
    if (sum <= 0) continue;
    tasks += 1;
    const d = taskDifficulty.get(taskId) ?? NO_DIFFICULTY;
    breakdown[d] ??= { tasks: 0, score: 0 };
    breakdown[d].tasks += 1;
  }
  return { points, rawPoints, tasks, byDifficulty: breakdown, reachedAt };
}

/**
 * Season totals of each participant from their ledger entries, overall and per repository.
 * Only the entries' content matters, not the order they were appended in: entries are taken in
 * the order the points were earned (`occurredAt`, then id), which also gives `reachedAt`.
 */
export function computeTotals(entries: LedgerPoint[], rules: SeasonRules): ParticipantTotals[] {
  const byParticipant = new Map<number, LedgerPoint[]>();
  for (const e of entries) {
    const list = byParticipant.get(e.participantId) ?? [];
    list.push(e);
    byParticipant.set(e.participantId, list);
  }
  const out: ParticipantTotals[] = [];
  for (const [participantId, list] of byParticipant) {
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
    const overall = summarise(list, rules);
    const byRepo = new Map<number, Totals>();
    for (const repo of new Set(list.map((e) => e.repositoryId).filter((r): r is number => r !== null))) {
      byRepo.set(repo, summarise(list, rules, repo));
    }
    out.push({ participantId, ...overall, byRepo });
  }
  return out;
}

/** One participant's capped points after each of their entries, in the order the points were earned (one pass). */
export function pointsTimeline(entries: LedgerPoint[], rules: SeasonRules): { at: Date; points: number }[] {
  const ordered = [...entries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
  const out: { at: Date; points: number }[] = [];
  summarise(ordered, rules, undefined, (e, points) => out.push({ at: e.occurredAt, points }));
  return out;
}
