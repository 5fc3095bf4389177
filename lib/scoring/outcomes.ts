/**
 * What became of each pull request of a season (contract: `GET /api/participants/{login}/pulls` and its outcome
 * codes): the code and the data a sentence needs. `decideSeason` (decisions.ts) makes them; the words are written
 * elsewhere (the explanations issue), from this data only.
 */
import type { Words } from "@/lib/i18n/words";

export const OUTCOMES = [
  "scored",
  "capped",
  "stopped",
  "outside-window",
  "no-task",
  "not-a-task",
  "needs-score",
  "held-by-other",
  "gate",
  "already-paid",
  "excluded",
  "bot",
  "void",
  "revoked",
  "pending",
] as const;
export type OutcomeCode = (typeof OUTCOMES)[number];

/** Who owns a PR's points: its author, or the author's team from `joinedAt` until `leftAt`. */
export type Scorer = { participantId: number; teamId: number | null };

export type OutcomeDetail =
  | { outcome: "scored" }
  /** The caps let `counted` of the `of` points count. */
  | { outcome: "capped"; counted: number; of: number }
  /** `line`: the rule's English line; `lineWords`: the same for the catalogue (lib/i18n/words.ts). */
  | { outcome: "stopped"; difficulty: string; atPoints: number; have: number; from: string | null; repo: string | null; line: string; lineWords: Words }
  /** `days`: whole days (rounded up) before the start, or past the end and past the grace period. */
  | { outcome: "outside-window"; mergedAt: Date; startsAt: Date; endsAt: Date; graceDays: number; graceEndsAt: Date; before: boolean; daysPastEnd: number; daysPastGrace: number; daysBeforeStart: number; graceApplies: boolean }
  | { outcome: "no-task" }
  | { outcome: "not-a-task" }
  | { outcome: "needs-score"; taskId: number }
  | { outcome: "held-by-other"; taskId: number; holderId: number }
  | { outcome: "gate"; taskId: number; kind: "gate" | "team-difficulty"; needed: number | null; allowed: string[] | null; line: string; lineWords: Words }
  | { outcome: "already-paid"; taskId: number; paidPullRequestId: number }
  | { outcome: "excluded"; login: string }
  | { outcome: "bot" }
  | { outcome: "void"; label: string }
  | { outcome: "revoked"; actorId: number | null; reason: string }
  | { outcome: "pending" };

export type PrDecision = OutcomeDetail & {
  pullRequestId: number;
  /** The task the outcome is about (the first linked task; the one that scored when several are linked). */
  taskId: number | null;
  /** Points the PR earned after caps (0 unless scored or capped). */
  points: number;
  /** Points awarded before caps (the ledger's). */
  awarded: number;
  scorer: Scorer | null;
};
