import type { Words } from "@/lib/i18n/words";
import type { SeasonRules, SeasonStop } from "@/lib/seasons/season-file";
import { repoBreakdown, scoreOf, type GateStanding, type GateTask } from "./gates";

/**
 * The stop rule (contract, "Added in the second round"): once a scorer's capped season points — counting only
 * `from`'s difficulty when given, only the task's repository when `perRepo` — have reached `atPoints`, tasks of the
 * stop's difficulty earn nothing and may not be picked up. The task that crosses the line was taken before it was
 * reached, so it pays in full. Pure.
 */
export type StopResult = { ok: true } | { ok: false; stop: SeasonStop; have: number; repo: string | null; reason: string };

export function checkStops(task: GateTask, rules: SeasonRules, standing: GateStanding): StopResult {
  const difficulty = task.difficulty?.trim().toLowerCase() ?? null;
  if (difficulty === null) return { ok: true };
  const repo = task.repo.trim().toLowerCase();
  for (const stop of rules.stops ?? []) {
    if (stop.difficulty.toLowerCase() !== difficulty) continue;
    const from = stop.from?.toLowerCase();
    const have = stop.perRepo ? scoreOf(repoBreakdown(standing, repo), from) : from !== undefined ? scoreOf(standing.byDifficulty, from) : standing.points;
    if (have < stop.atPoints) continue;
    return { ok: false, stop, have, repo: stop.perRepo ? repo : null, reason: stopLine(stop, have, stop.perRepo ? repo : null) };
  }
  return { ok: true };
}

/** The stop's line for the catalogue (`outcomes.rules.stop`). */
export function stopWords(stop: Pick<SeasonStop, "difficulty" | "atPoints" | "from">, have: number, repo: string | null): Words {
  return { key: "outcomes.rules.stop", values: { difficulty: { difficulty: stop.difficulty, capital: true }, atPoints: stop.atPoints, have, from: stop.from !== undefined ? { difficulty: stop.from } : "", hasFrom: stop.from !== undefined ? "yes" : "no", repo: repo ?? "", perRepo: repo !== null ? "yes" : "no" } };
}

/** The stop's line in words, e.g. "Easy tasks stop earning once you have 600 points from easy tasks (you have 650)." */
export function stopLine(stop: SeasonStop, have: number, repo: string | null): string {
  const counted = stop.from !== undefined ? ` from ${stop.from} tasks` : "";
  const where = repo !== null ? ` in ${repo}` : "";
  const name = stop.difficulty.charAt(0).toUpperCase() + stop.difficulty.slice(1);
  return `${name} tasks stop earning once you have ${stop.atPoints} points${counted}${where} (you have ${have}).`;
}
