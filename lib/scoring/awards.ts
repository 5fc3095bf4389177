import { decideSeason, type DecisionContext, type DecisionSeason } from "./decisions";

/**
 * What the importer believes each participant should hold for a season, derived from tasks, pull
 * requests and `/reward` comments. Pure: the ledger is then reconciled to it (see `reconcile`).
 */
export type AwardSeason = { id: number; startsAt: Date; endsAt: Date; graceDays: number; repos: string[] };

export type AwardTask = {
  id: number;
  repositoryId: number;
  number: number;
  score: number | null;
  difficulty: string | null;
  perPr: boolean;
  /** Still a task (label or prefix present, or marked by a maintainer). */
  active: boolean;
  pickedUpAt: Date | null;
  createdAt: Date | null;
  /** Lower-case owner/name of the task's repository (reasons, per-repo rules); else from the context's names. */
  repo?: string;
  /** The task's own gate (`min score required: N`). */
  minScoreRequired?: number | null;
  /** Who holds the task now: a PR of someone else (not of their team) completes nothing (`held-by-other`). */
  pickedUpById?: number | null;
};

export type AwardPullRequest = {
  id: number;
  repo: string;
  repositoryId: number;
  number: number;
  /** Null when the author cannot score (bot, deleted account). */
  authorId: number | null;
  mergedAt: Date | null;
  createdAt: Date | null;
  taskIds: number[];
  /** `/reward N` comments by the repository's maintainers. */
  rewards: { commentId: string; points: number; at: Date }[];
  authorLogin?: string | null;
  /** A bot account (`[bot]` login or GitHub `Bot` actor): never scores. */
  isBot?: boolean;
  labels?: string[];
  /** It references an issue of a listed repository that is not a task (`not-a-task` rather than `no-task`). */
  refsOtherIssue?: boolean;
};

export type Award = {
  /** The family key in the ledger: the first entry's `sourceKey`; corrections append `<key>:<n>`. */
  key: string;
  participantId: number;
  /** The team that owns the points (its member authored the PR between joinedAt and leftAt); null: the author. */
  teamId: number | null;
  points: number;
  taskId: number | null;
  pullRequestId: number;
  /** The repository the points count under: the task's, mapped through `countAs`. */
  repositoryId: number;
  difficulty: string | null;
  occurredAt: Date;
  reason: string;
};

/** The awards alone (see `decideSeason` for the outcome of each pull request). */
export function desiredAwards(season: DecisionSeason, tasks: AwardTask[], pulls: AwardPullRequest[], ctx: DecisionContext = {}): Award[] {
  return decideSeason(season, tasks, pulls, ctx).awards;
}

/** What the ledger holds for one award family (its key and participant): net points and how to refer to it. */
export type LedgerFamily = Omit<Award, "points"> & { net: number; entries: number };

export type Correction = Award & { sourceKey: string; kind: "award" | "adjustment" | "revocation" };

/**
 * The entries to append so that each family's net points equal what is desired: a new award, an
 * adjustment when a score changed, a revocation when the award no longer holds. Never edits or deletes.
 * A family is keyed by its key, participant, owning team, repository and difficulty, so a task that moves to another
 * PR's author (or into a team's hands, or to another repository through `countAs`) is revoked from one family and
 * awarded to the other.
 */
export function familyKey(a: Pick<Award, "key" | "participantId" | "teamId" | "repositoryId" | "difficulty">): string {
  return `${a.key}|${a.participantId}|${a.teamId ?? ""}|${a.repositoryId}|${a.difficulty ?? ""}`;
}

/** The ledger's unique source key of a family's n-th entry (the first entries of older families had no team, repo or difficulty part). */
function sourceKey(a: Pick<Award, "key" | "participantId" | "teamId" | "repositoryId" | "difficulty">, n: number): string {
  const team = a.teamId !== null ? `:tm${a.teamId}` : "";
  const difficulty = a.difficulty !== null ? `:d${a.difficulty}` : "";
  return `${a.key}:u${a.participantId}${team}:r${a.repositoryId}${difficulty}${n === 0 ? "" : `:${n}`}`;
}

export function reconcile(desired: Award[], existing: LedgerFamily[]): Correction[] {
  const out: Correction[] = [];
  const have = new Map(existing.map((f) => [familyKey(f), f]));
  const want = new Map(desired.map((a) => [familyKey(a), a]));
  for (const [k, a] of want) {
    const f = have.get(k);
    const net = f?.net ?? 0;
    if (net === a.points) continue;
    const n = f?.entries ?? 0;
    out.push({
      ...a,
      points: a.points - net,
      sourceKey: sourceKey(a, n),
      kind: n === 0 ? "award" : a.points < net && a.points === 0 ? "revocation" : "adjustment",
      reason: n === 0 ? a.reason : `${a.reason} (was ${net}, now ${a.points})`,
    });
  }
  for (const [k, f] of have) {
    if (want.has(k) || f.net === 0) continue;
    const { net, entries, ...rest } = f;
    out.push({
      ...rest,
      points: -net,
      sourceKey: sourceKey(f, entries),
      kind: "revocation",
      reason: `${f.reason}: no longer counts`,
    });
  }
  return out;
}
