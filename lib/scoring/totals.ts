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

const key = (repo: number | null, difficulty: string) => `${repo ?? 0}:${difficulty}`;

/**
 * Capped points, kept up to date entry by entry: per difficulty, each repo's raw sum is held to the per-repo cap
 * (and at 0), then the difficulty's sum to the overall cap. Points past a cap stay in the ledger; they just do not
 * count. Each entry costs a few map look-ups, so a participant's whole timeline is one linear pass.
 */
export class CappedSums {
  private readonly raw = new Map<string, number>();
  /** Per difficulty: the sum of its repos' raw sums, each held to the per-repo cap. */
  private readonly perRepoCapped = new Map<string, number>();
  points = 0;
  private readonly repoCap = new Map<string, number>();
  private readonly cap = new Map<string, number>();

  constructor(rules: SeasonRules) {
    for (const c of rules.caps) {
      const to = c.perRepo ? this.repoCap : this.cap;
      if (!to.has(c.difficulty)) to.set(c.difficulty, c.max);
    }
  }

  add(repo: number | null, difficulty: string, points: number): void {
    const k = key(repo, difficulty);
    const before = this.raw.get(k) ?? 0;
    const after = before + points;
    this.raw.set(k, after);
    const repoCap = this.repoCap.get(difficulty) ?? Infinity;
    const delta = Math.max(0, Math.min(repoCap, after)) - Math.max(0, Math.min(repoCap, before));
    const old = this.perRepoCapped.get(difficulty) ?? 0;
    this.perRepoCapped.set(difficulty, old + delta);
    const cap = this.cap.get(difficulty) ?? Infinity;
    this.points += Math.min(cap, old + delta) - Math.min(cap, old);
  }

  /** Capped points per difficulty, in the order the difficulties first appeared. */
  byDifficulty(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [difficulty, v] of this.perRepoCapped) out.set(difficulty, Math.min(this.cap.get(difficulty) ?? Infinity, v));
    return out;
  }
}

function summarise(entries: LedgerPoint[], rules: SeasonRules, onlyRepo?: number, onStep?: (e: LedgerPoint, points: number) => void): Totals {
  const sums = new CappedSums(rules);
  const perTask = new Map<number, number>();
  let current = 0;
  let reachedAt = entries[0]?.occurredAt ?? new Date(0);
  let rawPoints = 0;
  for (const e of entries) {
    if (onlyRepo !== undefined && e.repositoryId !== onlyRepo) continue;
    sums.add(e.repositoryId, e.difficulty ?? NO_DIFFICULTY, e.points);
    if (e.taskId !== null) perTask.set(e.taskId, (perTask.get(e.taskId) ?? 0) + e.points);
    rawPoints += e.points;
    const next = sums.points;
    onStep?.(e, next);
    if (next !== current) {
      current = next;
      reachedAt = e.occurredAt;
    }
  }
  const points = sums.points;
  const byDifficulty = sums.byDifficulty();
  const taskDifficulty = new Map<number, string>();
  for (const e of entries) if (e.taskId !== null) taskDifficulty.set(e.taskId, e.difficulty ?? NO_DIFFICULTY);
  const breakdown: Breakdown = {};
  for (const [difficulty, score] of byDifficulty) breakdown[difficulty] = { tasks: 0, score };
  let tasks = 0;
  for (const [taskId, sum] of perTask) {
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
