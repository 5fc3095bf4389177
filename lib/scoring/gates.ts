import type { Words } from "@/lib/i18n/words";
import type { SeasonRules } from "@/lib/seasons/season-file";

/**
 * The pick-up gate check (contract, "Season file"): `gates` say how many points a participant needs
 * before a task of a difficulty may be picked up, counting only `from`'s difficulty when given and only
 * the task's repository when `perRepo`; a task's own `min score required: N` asks for N points in total.
 * Points are the capped season totals. Pure.
 */

export type GateStanding = {
  /** Capped season totals of the participant: per difficulty score (what season_totals.by_difficulty holds). */
  byDifficulty: Record<string, { tasks: number; score: number }>;
  /** The same per repository (lower-case owner/name), from season_repo_totals. */
  byRepo: Record<string, Record<string, { tasks: number; score: number }>>;
  /** Total capped points. */
  points: number;
};

export type GateTask = { difficulty: string | null; repo: string /* lower-case */; minScoreRequired: number | null };

/** `reason` is the English line (the API, the CLI); `words` the same line for the catalogue (`outcomes.rules.*`). */
export type GateResult = { ok: true } | { ok: false; needed: number; reason: string; words: Words };

type Shortfall = { needed: number; reason: string; words: Words };

const plural = (n: number) => `${n} more ${n === 1 ? "point" : "points"}`;
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

export function scoreOf(breakdown: Record<string, { score: number }> | undefined, difficulty?: string): number {
  if (!breakdown) return 0;
  if (difficulty !== undefined) return breakdown[difficulty]?.score ?? 0;
  let sum = 0;
  for (const value of Object.values(breakdown)) sum += value.score;
  return sum;
}

/** The repository's breakdown, whatever the case of the keys it was stored under. */
export function repoBreakdown(standing: GateStanding, repo: string): Record<string, { score: number }> | undefined {
  const exact = standing.byRepo[repo];
  if (exact) return exact;
  for (const [name, breakdown] of Object.entries(standing.byRepo)) if (name.toLowerCase() === repo) return breakdown;
  return undefined;
}

export function checkGates(task: GateTask, rules: SeasonRules, standing: GateStanding): GateResult {
  const repo = task.repo.trim().toLowerCase();
  const difficulty = task.difficulty?.trim().toLowerCase() ?? null;
  const shortfalls: Shortfall[] = [];
  const consider = (required: number, have: number, reason: (needed: number, have: number) => string, words: (needed: number, have: number) => Words) => {
    const needed = Math.ceil(required - have);
    if (needed > 0) shortfalls.push({ needed, reason: reason(needed, have), words: words(needed, have) });
  };

  if (difficulty !== null) {
    for (const gate of rules.gates) {
      if (gate.difficulty.toLowerCase() !== difficulty) continue;
      const from = gate.from?.toLowerCase();
      const have = gate.perRepo
        ? scoreOf(repoBreakdown(standing, repo), from)
        : from !== undefined
          ? scoreOf(standing.byDifficulty, from)
          : standing.points;
      consider(gate.minPoints, have, (needed, had) => {
        const source = from !== undefined ? ` from ${from} tasks` : "";
        const where = gate.perRepo ? ` in ${repo}` : "";
        return `You need ${plural(needed)}${source}${where} before picking up ${article(difficulty)} task (you have ${had}).`;
      }, (needed, had) => ({ key: "outcomes.rules.gate", values: { needed, have: had, difficulty: { difficulty }, an: /^[aeiou]/i.test(difficulty) ? "yes" : "no", from: from !== undefined ? { difficulty: from } : "", hasFrom: from !== undefined ? "yes" : "no", repo, perRepo: gate.perRepo ? "yes" : "no" } }));
    }
  }

  const own = task.minScoreRequired;
  if (own !== null && Number.isFinite(own)) {
    consider(
      own,
      standing.points,
      (needed, had) => `This task requires ${own} points; you need ${plural(needed)} before picking it up (you have ${had}).`,
      (needed, had) => ({ key: "outcomes.rules.taskGate", values: { own, needed, have: had } }),
    );
  }

  // Several unmet gates: the largest shortfall is the one to report (the first of equal ones).
  let worst: Shortfall | undefined;
  for (const s of shortfalls) if (worst === undefined || s.needed > worst.needed) worst = s;
  return worst === undefined ? { ok: true } : { ok: false, needed: worst.needed, reason: worst.reason, words: worst.words };
}
