import { countsForSeason } from "@/lib/rules/window";
import type { CommunityRole, SeasonRules } from "@/lib/seasons/season-file";
import type { Award, AwardPullRequest, AwardSeason, AwardTask } from "./awards";
import { checkEligibility } from "./eligibility";
import { outsideWindow } from "./outside-window";
import type { OutcomeDetail, PrDecision, Scorer } from "./outcomes";
import { Standing } from "./standing";

/**
 * One pure pass over a season in time order — merges and maintainers' entries interleaved — that decides every
 * pull request in scope: the awards it yields and its outcome (outcomes.ts). Order matters only through the rules
 * that read what a scorer had at the moment (gates, stops): with neither, any order of merges gives the same totals.
 */
export type DecisionSeason = AwardSeason & {
  rules?: SeasonRules;
  companionRepos?: string[];
  /** Lower-case `owner/name` → the repository it counts as. */
  countAs?: Record<string, string>;
  excluded?: string[];
  voidLabels?: string[];
};

export type Membership = { teamId: number; participantId: number; joinedAt: Date; leftAt: Date | null; difficulties: string[] | null };

/** An entry of the ledger a person made (an award, a deduction, a revocation): it counts in the standing from `occurredAt`. */
export type ManualEntry = {
  id: number;
  participantId: number;
  teamId: number | null;
  repositoryId: number | null;
  difficulty: string | null;
  points: number;
  occurredAt: Date;
  /** Set when it revokes an automatic award of a pull request. */
  revokes?: { pullRequestId: number; actorId: number | null; reason: string };
};

export type DecisionContext = {
  memberships?: Membership[];
  roles?: Map<number, CommunityRole>;
  /** `${participantId}:${taskId}`: a maintainer waived the gates for that participant on that task. */
  waivers?: Set<string>;
  manual?: ManualEntry[];
  /** Repository names (lower-case) by id, for reasons, per-repo rules and `countAs`. */
  repoNames?: Map<number, string>;
};

export type SeasonDecisions = { decisions: PrDecision[]; awards: Award[] };

const EMPTY_RULES: SeasonRules = { caps: [], gates: [], stops: [] };

/** The team that owns a participant's points at an instant, if any (joinedAt inclusive, leftAt exclusive). */
export function ownerAt(memberships: readonly Membership[], participantId: number, at: Date): Membership | null {
  const t = at.getTime();
  for (const m of memberships) if (m.participantId === participantId && m.joinedAt.getTime() <= t && (m.leftAt === null || t < m.leftAt.getTime())) return m;
  return null;
}

const prOrder = (a: AwardPullRequest, b: AwardPullRequest) =>
  (a.mergedAt?.getTime() ?? Infinity) - (b.mergedAt?.getTime() ?? Infinity) || a.repositoryId - b.repositoryId || a.number - b.number;

type Event = { at: number; pr?: AwardPullRequest; manual?: ManualEntry };

export function decideSeason(season: DecisionSeason, tasks: AwardTask[], pulls: AwardPullRequest[], ctx: DecisionContext = {}): SeasonDecisions {
  const pass = new SeasonPass(season, tasks, ctx);
  const events: Event[] = [
    ...pulls.filter((p) => p.mergedAt).map((pr) => ({ at: pr.mergedAt!.getTime(), pr })),
    ...(ctx.manual ?? []).map((manual) => ({ at: manual.occurredAt.getTime(), manual })),
  ];
  events.sort((a, b) => a.at - b.at || (a.pr ? 0 : 1) - (b.pr ? 0 : 1) || (a.pr && b.pr ? prOrder(a.pr, b.pr) : (a.manual?.id ?? 0) - (b.manual?.id ?? 0)));
  const decisions: PrDecision[] = [];
  for (const e of events) {
    if (e.manual) pass.standingOf(e.manual.teamId, e.manual.participantId).add(e.manual.repositoryId, e.manual.difficulty, e.manual.points);
    else decisions.push(pass.decide(e.pr!));
  }
  for (const pr of [...pulls].filter((p) => !p.mergedAt).sort(prOrder)) decisions.push(pass.pending(pr));
  const revoked = new Map((ctx.manual ?? []).filter((m) => m.revokes).map((m) => [m.revokes!.pullRequestId, m.revokes!]));
  return {
    decisions: decisions.map((d) => {
      const r = revoked.get(d.pullRequestId);
      return r && d.awarded > 0 ? { ...base(d), outcome: "revoked", actorId: r.actorId, reason: r.reason, points: 0 } : d;
    }),
    awards: pass.awards,
  };
}

const base = (d: PrDecision) => ({ pullRequestId: d.pullRequestId, taskId: d.taskId, points: d.points, awarded: d.awarded, scorer: d.scorer });

class SeasonPass {
  readonly awards: Award[] = [];
  private readonly taskById: Map<number, AwardTask>;
  private readonly paid = new Map<number, number>();
  private readonly standings = new Map<string, Standing>();
  private readonly rules: SeasonRules;
  private readonly excluded: Set<string>;
  private readonly voidLabels: Set<string>;
  private readonly repoIdByName = new Map<string, number>();
  private readonly membershipsOf = new Map<number, Membership[]>();

  constructor(
    private readonly season: DecisionSeason,
    tasks: AwardTask[],
    private readonly ctx: DecisionContext,
  ) {
    this.taskById = new Map(tasks.map((t) => [t.id, t]));
    this.rules = { ...EMPTY_RULES, ...season.rules, stops: season.rules?.stops ?? [] };
    this.excluded = new Set((season.excluded ?? []).map((l) => l.toLowerCase()));
    this.voidLabels = new Set((season.voidLabels ?? []).map((l) => l.toLowerCase()));
    for (const [id, name] of ctx.repoNames ?? []) this.repoIdByName.set(name.toLowerCase(), id);
    for (const m of ctx.memberships ?? []) this.membershipsOf.set(m.participantId, [...(this.membershipsOf.get(m.participantId) ?? []), m]);
  }

  private member(participantId: number, at: Date): Membership | null {
    return ownerAt(this.membershipsOf.get(participantId) ?? [], participantId, at);
  }

  standingOf(teamId: number | null, participantId: number): Standing {
    const k = teamId !== null ? `t${teamId}` : `p${participantId}`;
    let s = this.standings.get(k);
    if (!s) this.standings.set(k, (s = new Standing(this.rules)));
    return s;
  }

  pending(pr: AwardPullRequest): PrDecision {
    return { outcome: "pending", pullRequestId: pr.id, taskId: pr.taskIds[0] ?? null, points: 0, awarded: 0, scorer: null };
  }

  private repoName(id: number, fallback: string): string {
    return this.ctx.repoNames?.get(id) ?? fallback;
  }

  /** The repository a task's points count under: the task's own, mapped through `countAs`. */
  private countedRepo(task: AwardTask | undefined, pr: AwardPullRequest): number {
    const id = task?.repositoryId ?? pr.repositoryId;
    const name = (task?.repo ?? this.repoName(id, task ? "" : pr.repo)).toLowerCase();
    const target = this.season.countAs?.[name];
    return (target !== undefined ? this.repoIdByName.get(target.toLowerCase()) : undefined) ?? id;
  }

  private counts(pr: AwardPullRequest, task: AwardTask | null): boolean {
    const repos = task ? [...this.season.repos, ...(this.season.companionRepos ?? [])] : this.season.repos;
    return countsForSeason({ mergedAt: pr.mergedAt, repo: pr.repo, createdAt: pr.createdAt }, { ...this.season, repos }, task);
  }

  decide(pr: AwardPullRequest): PrDecision {
    const head = { pullRequestId: pr.id, taskId: pr.taskIds[0] ?? null, points: 0, awarded: 0, scorer: null };
    if (pr.authorId === null || pr.isBot) return { ...head, outcome: "bot" };
    const login = pr.authorLogin?.toLowerCase();
    if (login !== undefined && this.excluded.has(login)) return { ...head, outcome: "excluded", login: pr.authorLogin! };
    const label = (pr.labels ?? []).find((l) => this.voidLabels.has(l.toLowerCase()));
    if (label !== undefined) return { ...head, outcome: "void", label };
    const member = this.member(pr.authorId, pr.mergedAt!);
    const scorer: Scorer = { participantId: pr.authorId, teamId: member?.teamId ?? null };
    const linked = pr.taskIds.map((id) => this.taskById.get(id)).filter((t): t is AwardTask => t !== undefined && t.active);
    if (pr.rewards.length > 0) return this.rewarded(pr, linked, scorer);
    if (linked.length === 0) return { ...head, scorer, outcome: pr.refsOtherIssue ? "not-a-task" : "no-task" };
    const results = linked.map((task) => ({ task, result: this.completes(pr, task, scorer, member) }));
    const scored = results.filter((r) => r.result.awarded > 0 || r.result.outcome === "scored" || r.result.outcome === "capped");
    if (scored.length === 0) return { ...head, scorer, taskId: results[0]!.task.id, ...results[0]!.result.detail };
    const points = scored.reduce((n, r) => n + r.result.points, 0);
    const awarded = scored.reduce((n, r) => n + r.result.awarded, 0);
    const detail: OutcomeDetail = points < awarded ? { outcome: "capped", counted: points, of: awarded } : { outcome: "scored" };
    return { ...head, scorer, taskId: scored[0]!.task.id, points, awarded, ...detail };
  }

  /** A maintainer's `/reward N` replaces the task's award for this PR; gates and stops do not bind it. */
  private rewarded(pr: AwardPullRequest, linked: AwardTask[], scorer: Scorer): PrDecision {
    const task = linked[0];
    const head = { pullRequestId: pr.id, taskId: task?.id ?? null, scorer };
    if (!this.counts(pr, task ?? null)) return { ...head, points: 0, awarded: 0, ...outsideWindow(pr, this.season, task ?? null) };
    const repositoryId = this.countedRepo(task, pr);
    let points = 0;
    let awarded = 0;
    for (const r of pr.rewards) {
      this.push({ key: `s${this.season.id}:reward:${r.commentId}`, scorer, points: r.points, taskId: task?.id ?? null, pr, repositoryId, difficulty: task?.difficulty ?? null, reason: `/reward ${r.points} on ${pr.repo}#${pr.number}` });
      points += this.standingOf(scorer.teamId, scorer.participantId).add(repositoryId, task?.difficulty ?? null, r.points);
      awarded += r.points;
    }
    for (const t of linked) if (!t.perPr && !this.paid.has(t.id)) this.paid.set(t.id, pr.id);
    const detail: OutcomeDetail = points < awarded ? { outcome: "capped", counted: points, of: awarded } : { outcome: "scored" };
    return { ...head, points, awarded, ...detail };
  }

  private completes(pr: AwardPullRequest, task: AwardTask, scorer: Scorer, member: Membership | null): { detail: OutcomeDetail; points: number; awarded: number; outcome: string } {
    const no = (detail: OutcomeDetail) => ({ detail, points: 0, awarded: 0, outcome: detail.outcome });
    if (task.score === null) return no({ outcome: "needs-score", taskId: task.id });
    if (!this.counts(pr, task)) return no(outsideWindow(pr, this.season, task));
    const paidTo = this.paid.get(task.id);
    if (!task.perPr && paidTo !== undefined) return no({ outcome: "already-paid", taskId: task.id, paidPullRequestId: paidTo });
    const holder = task.pickedUpById ?? null;
    const pickedBefore = task.pickedUpAt === null || task.pickedUpAt.getTime() <= pr.mergedAt!.getTime();
    if (!task.perPr && holder !== null && holder !== scorer.participantId && pickedBefore && !this.sameTeam(holder, member, pr.mergedAt!)) {
      return no({ outcome: "held-by-other", taskId: task.id, holderId: holder });
    }
    const repositoryId = this.countedRepo(task, pr);
    const standing = this.standingOf(scorer.teamId, scorer.participantId);
    const taskRepo = this.repoName(task.repositoryId, task.repo ?? pr.repo);
    const elig = checkEligibility(
      { difficulty: task.difficulty, repo: this.repoName(repositoryId, taskRepo), minScoreRequired: task.minScoreRequired ?? null },
      this.rules,
      standing.view((id) => this.repoName(id, String(id))),
      { role: this.ctx.roles?.get(scorer.participantId) ?? null, waived: this.ctx.waivers?.has(`${scorer.participantId}:${task.id}`) ?? false, teamDifficulties: member?.difficulties ?? null },
    );
    if (!elig.ok) {
      if (elig.outcome === "stopped") return no({ outcome: "stopped", difficulty: elig.difficulty, atPoints: elig.atPoints, have: elig.have, from: elig.from, repo: elig.repo, line: elig.reason, lineWords: elig.words });
      return no({ outcome: "gate", taskId: task.id, kind: elig.kind, needed: elig.kind === "gate" ? elig.needed : null, allowed: elig.kind === "team-difficulty" ? elig.allowed : null, line: elig.reason, lineWords: elig.words });
    }
    const cross = taskRepo.toLowerCase() !== pr.repo.toLowerCase();
    const reason = task.perPr
      ? `${pr.repo}#${pr.number} (per-PR task ${cross ? taskRepo : ""}#${task.number})`
      : cross
        ? `${taskRepo}#${task.number} completed by ${pr.repo}#${pr.number}`
        : `completed ${pr.repo.split("/")[1]}#${task.number} with #${pr.number}`;
    const key = task.perPr ? `s${this.season.id}:t${task.id}:pr${pr.id}` : `s${this.season.id}:t${task.id}`;
    if (!task.perPr) this.paid.set(task.id, pr.id);
    this.push({ key, scorer, points: task.score, taskId: task.id, pr, repositoryId, difficulty: task.difficulty, reason });
    const points = standing.add(repositoryId, task.difficulty, task.score);
    return { detail: points < task.score ? { outcome: "capped", counted: points, of: task.score } : { outcome: "scored" }, points, awarded: task.score, outcome: "scored" };
  }

  private sameTeam(holder: number, member: Membership | null, at: Date): boolean {
    return member !== null && this.member(holder, at)?.teamId === member.teamId;
  }

  private push(a: { key: string; scorer: Scorer; points: number; taskId: number | null; pr: AwardPullRequest; repositoryId: number; difficulty: string | null; reason: string }): void {
    this.awards.push({
      key: a.key,
      participantId: a.scorer.participantId,
      teamId: a.scorer.teamId,
      points: a.points,
      taskId: a.taskId,
      pullRequestId: a.pr.id,
      repositoryId: a.repositoryId,
      difficulty: a.difficulty,
      occurredAt: a.pr.mergedAt!,
      reason: a.reason,
    });
  }
}
