import { countsForSeason } from "@/lib/rules/window";

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
};

export type Award = {
  /** The family key in the ledger: the first entry's `sourceKey`; corrections append `<key>:<n>`. */
  key: string;
  participantId: number;
  points: number;
  taskId: number | null;
  pullRequestId: number;
  repositoryId: number;
  difficulty: string | null;
  occurredAt: Date;
  reason: string;
};

export function desiredAwards(season: AwardSeason, tasks: AwardTask[], pulls: AwardPullRequest[]): Award[] {
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const awards: Award[] = [];
  const firstPr = new Map<number, AwardPullRequest>();
  const ordered = [...pulls].sort(
    (a, b) => (a.mergedAt?.getTime() ?? Infinity) - (b.mergedAt?.getTime() ?? Infinity) || a.repositoryId - b.repositoryId || a.number - b.number,
  );
  for (const pr of ordered) {
    if (pr.authorId === null || !pr.mergedAt) continue;
    const linked = pr.taskIds.map((id) => taskById.get(id)).filter((t): t is AwardTask => t !== undefined && t.active);
    const counts = (task: AwardTask | null) => countsForSeason({ mergedAt: pr.mergedAt, repo: pr.repo, createdAt: pr.createdAt }, season, task);
    // A maintainer's `/reward N` replaces the task's default award for this pull request.
    if (pr.rewards.length > 0) {
      if (!counts(linked[0] ?? null)) continue;
      for (const r of pr.rewards) {
        awards.push({
          key: `s${season.id}:reward:${r.commentId}`,
          participantId: pr.authorId,
          points: r.points,
          taskId: linked[0]?.id ?? null,
          pullRequestId: pr.id,
          repositoryId: pr.repositoryId,
          difficulty: linked[0]?.difficulty ?? null,
          occurredAt: pr.mergedAt,
          reason: `/reward ${r.points} on ${pr.repo}#${pr.number}`,
        });
        for (const t of linked) if (!t.perPr && !firstPr.has(t.id)) firstPr.set(t.id, pr);
      }
      continue;
    }
    for (const task of linked) {
      if (task.score === null || !counts(task)) continue;
      if (task.perPr) {
        awards.push(award(task, pr, `s${season.id}:t${task.id}:pr${pr.id}`, `${pr.repo}#${pr.number} (per-PR task #${task.number})`));
      } else if (!firstPr.has(task.id)) {
        firstPr.set(task.id, pr);
        awards.push(award(task, pr, `s${season.id}:t${task.id}`, `completed ${pr.repo.split("/")[1]}#${task.number} with #${pr.number}`));
      }
    }
  }
  return awards;
}

function award(task: AwardTask, pr: AwardPullRequest, key: string, reason: string): Award {
  return {
    key,
    participantId: pr.authorId!,
    points: task.score!,
    taskId: task.id,
    pullRequestId: pr.id,
    repositoryId: pr.repositoryId,
    difficulty: task.difficulty,
    occurredAt: pr.mergedAt!,
    reason,
  };
}

/** What the ledger holds for one award family (its key and participant): net points and how to refer to it. */
export type LedgerFamily = Omit<Award, "points"> & { net: number; entries: number };

export type Correction = Award & { sourceKey: string; kind: "award" | "adjustment" | "revocation" };

/**
 * The entries to append so that each family's net points equal what is desired: a new award, an
 * adjustment when a score changed, a revocation when the award no longer holds. Never edits or deletes.
 * A family is keyed by its key and participant, so a task that moves to another PR's author is revoked
 * from one and awarded to the other.
 */
export function reconcile(desired: Award[], existing: LedgerFamily[]): Correction[] {
  const out: Correction[] = [];
  const famKey = (key: string, participantId: number) => `${key}|${participantId}`;
  const have = new Map(existing.map((f) => [famKey(f.key, f.participantId), f]));
  const want = new Map(desired.map((a) => [famKey(a.key, a.participantId), a]));
  const sourceKey = (key: string, participantId: number, n: number) => `${key}:u${participantId}${n === 0 ? "" : `:${n}`}`;
  for (const [k, a] of want) {
    const f = have.get(k);
    const net = f?.net ?? 0;
    if (net === a.points) continue;
    const n = f?.entries ?? 0;
    out.push({
      ...a,
      points: a.points - net,
      sourceKey: sourceKey(a.key, a.participantId, n),
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
      sourceKey: sourceKey(f.key, f.participantId, entries),
      kind: "revocation",
      reason: `${f.reason}: no longer counts`,
    });
  }
  return out;
}
