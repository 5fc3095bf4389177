import { roleAtLeast } from "@/lib/rules/community";
import type { CommunityRole, SeasonRules } from "@/lib/seasons/season-file";
import { checkGates, type GateStanding, type GateTask } from "./gates";
import { checkStops, stopWords } from "./stops";
import type { Words } from "@/lib/i18n/words";

/**
 * Whether a scorer may take a task now — the same question at a pick-up and at a merge (contract: gates and stops
 * bind credit as well as picks). In order: the team's difficulties, the stops, then the gates (a gate whose
 * `waivedFrom` role the member holds does not apply; a maintainer's waiver for this participant and task lifts
 * every gate, the task's own `min score required` too). Stops are never waived: a maintainer awards instead. Pure.
 */
export type Who = {
  /** The community role of the member who picks the task or authors the PR. */
  role: CommunityRole | null;
  /** A maintainer waived the gates for this participant on this task. */
  waived: boolean;
  /** The team's allowed difficulties when the scorer is a team that has them; null: all. */
  teamDifficulties: readonly string[] | null;
};

/** `reason`: the English line (API, CLI); `words`: the same for the catalogue, in the reader's language. */
export type Refusal =
  | { outcome: "gate"; kind: "team-difficulty"; difficulty: string | null; allowed: string[]; reason: string; words: Words }
  | { outcome: "gate"; kind: "gate"; needed: number; reason: string; words: Words }
  | { outcome: "stopped"; atPoints: number; have: number; difficulty: string; from: string | null; repo: string | null; reason: string; words: Words };

export type Eligibility = { ok: true; waived: "role" | "maintainer" | null } | ({ ok: false } & Refusal);

export function checkEligibility(task: GateTask, rules: SeasonRules, standing: GateStanding, who: Who): Eligibility {
  const difficulty = task.difficulty?.trim().toLowerCase() ?? null;
  if (who.teamDifficulties !== null && (difficulty === null || !who.teamDifficulties.includes(difficulty))) {
    const allowed = [...who.teamDifficulties];
    return { ok: false, outcome: "gate", kind: "team-difficulty", difficulty, allowed, reason: `Your team may take only ${allowed.join(", ")} tasks.`, words: { key: "outcomes.rules.teamDifficulty", values: { allowed: allowed.join(", ") } } };
  }
  const stop = checkStops(task, rules, standing);
  if (!stop.ok) {
    const { stop: s, have, repo, reason } = stop;
    return { ok: false, outcome: "stopped", atPoints: s.atPoints, have, difficulty: s.difficulty, from: s.from ?? null, repo, reason, words: stopWords(s, have, repo) };
  }
  if (who.waived) return { ok: true, waived: "maintainer" };
  const open = rules.gates.filter((g) => g.waivedFrom === undefined || !roleAtLeast(who.role, g.waivedFrom));
  const gate = checkGates(task, { ...rules, gates: open }, standing);
  if (!gate.ok) return { ok: false, outcome: "gate", kind: "gate", needed: gate.needed, reason: gate.reason, words: gate.words };
  const byRole = open.length < rules.gates.length && !checkGates(task, rules, standing).ok;
  return { ok: true, waived: byRole ? "role" : null };
}
