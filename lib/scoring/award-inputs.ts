import { and, eq, inArray, isNotNull, isNull, like, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  gateWaivers,
  participants,
  pullRequestRefs,
  pullRequestRewards,
  pullRequests,
  pullRequestTasks,
  repositories,
  roles,
  scoreEntries,
  teamMembers,
  teams,
  tasks,
  type Season,
} from "@/db/schema";
import { communityRolesOf } from "@/lib/queries/community";
import { inChunks } from "@/lib/util/chunks";
import type { AwardPullRequest, AwardTask, LedgerFamily } from "./awards";
import type { DecisionContext, DecisionSeason, ManualEntry, Membership } from "./decisions";

export type SeasonForAwards = Season & { repos: string[] };

/** A season as the pure pass reads it (window, rules, the second round's options). */
export function decisionSeason(season: SeasonForAwards): DecisionSeason {
  const o = season.options;
  return {
    id: season.id,
    startsAt: season.startsAt,
    endsAt: season.endsAt,
    graceDays: season.graceDays,
    repos: season.repos,
    rules: season.rules,
    companionRepos: (o?.companionRepos ?? []).map((r) => r.toLowerCase()),
    countAs: Object.fromEntries(Object.entries(o?.countAs ?? {}).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()])),
    excluded: o?.excluded ?? [],
    voidLabels: o?.voidLabels ?? ["invalid", "spam"],
  };
}

/** Ids of the season's repositories: listed, companion and `countAs` targets (those Podium knows). */
export async function seasonRepoIds(tx: Executor, season: DecisionSeason): Promise<Map<number, string>> {
  const names = [...new Set([...season.repos, ...(season.companionRepos ?? []), ...Object.values(season.countAs ?? {})].map((r) => r.toLowerCase()))];
  const rows = names.length ? await tx.select({ id: repositories.id, name: repositories.fullName }).from(repositories).where(inArray(repositories.fullName, names)) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function seasonMemberships(tx: Executor, seasonId: number): Promise<Membership[]> {
  return tx
    .select({ teamId: teamMembers.teamId, participantId: teamMembers.participantId, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt, difficulties: teams.difficulties })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teams.seasonId, seasonId));
}

/** The tasks and PRs a set of scorers' whole season depends on, and the closure's participants. */
export type ScorerScope = { taskIds: number[]; prIds: number[]; participantIds: number[] };

/**
 * Order-dependent rules (gates, stops, caps in time order, one award per task) make a PR's decision depend on its
 * scorer's earlier PRs and on the other PRs of its tasks. From seed tasks, PRs and participants this widens to a
 * closed set: every PR of each participant (and of their team mates) in the season's repositories, the tasks those
 * PRs link, every PR linked to those tasks, and the participants of the ledger's automatic entries on them. Bounded
 * by what the seed touches, not by the season (a season-wide seed is the caller's "all").
 */
export async function closeScope(tx: Executor, season: DecisionSeason, repoIds: number[], members: Membership[], seed: ScorerScope): Promise<ScorerScope> {
  const taskIds = new Set(seed.taskIds);
  const prIds = new Set(seed.prIds);
  const people = new Set(seed.participantIds);
  const teamsOf = new Map<number, number[]>();
  const matesOf = new Map<number, number[]>();
  for (const m of members) {
    teamsOf.set(m.participantId, [...(teamsOf.get(m.participantId) ?? []), m.teamId]);
    matesOf.set(m.teamId, [...(matesOf.get(m.teamId) ?? []), m.participantId]);
  }
  let fresh = { tasks: [...taskIds], prs: [...prIds], people: [...people] };
  while (fresh.tasks.length + fresh.prs.length + fresh.people.length > 0) {
    const next = { tasks: [] as number[], prs: [] as number[], people: [] as number[] };
    const addPr = (id: number) => void (prIds.has(id) || (prIds.add(id), next.prs.push(id)));
    const addTask = (id: number) => void (taskIds.has(id) || (taskIds.add(id), next.tasks.push(id)));
    const addPerson = (id: number | null) => void (id === null || people.has(id) || (people.add(id), next.people.push(id)));
    for (const l of await inChunks(fresh.tasks, (part) => tx.select().from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, part)))) addPr(l.pullRequestId);
    for (const e of await inChunks(fresh.tasks, (part) => tx.select({ p: scoreEntries.participantId }).from(scoreEntries).where(and(eq(scoreEntries.seasonId, season.id), isNotNull(scoreEntries.awardKey), inArray(scoreEntries.taskId, part))))) addPerson(e.p);
    for (const p of await inChunks(fresh.prs, (part) => tx.select({ a: pullRequests.authorId }).from(pullRequests).where(inArray(pullRequests.id, part)))) addPerson(p.a);
    for (const l of await inChunks(fresh.prs, (part) => tx.select({ t: pullRequestTasks.taskId }).from(pullRequestTasks).innerJoin(tasks, eq(tasks.id, pullRequestTasks.taskId)).where(and(eq(tasks.seasonId, season.id), inArray(pullRequestTasks.pullRequestId, part))))) addTask(l.t);
    for (const id of fresh.people) for (const teamId of teamsOf.get(id) ?? []) for (const mate of matesOf.get(teamId) ?? []) addPerson(mate);
    const theirs = await inChunks(fresh.people, (part) =>
      tx.select({ id: pullRequests.id }).from(pullRequests).where(and(inArray(pullRequests.authorId, part), repoIds.length ? inArray(pullRequests.repositoryId, repoIds) : sql`false`)),
    );
    for (const p of theirs) addPr(p.id);
    const families = await inChunks(fresh.people, (part) => tx.select({ t: scoreEntries.taskId, pr: scoreEntries.pullRequestId }).from(scoreEntries).where(and(eq(scoreEntries.seasonId, season.id), isNotNull(scoreEntries.awardKey), inArray(scoreEntries.participantId, part))));
    for (const f of families) {
      if (f.t !== null) addTask(f.t);
      if (f.pr !== null) addPr(f.pr);
    }
    fresh = next;
  }
  return { taskIds: [...taskIds], prIds: [...prIds], participantIds: [...people] };
}

/** The season's tasks and PRs of a scope, as the pure pass reads them. */
export async function loadAwardInputs(tx: Executor, season: DecisionSeason, scope: { taskIds: number[]; prIds: number[] }, repoNames: Map<number, string>, outcomes = true) {
  const taskRows = await inChunks(scope.taskIds, (part) => tx.select().from(tasks).where(and(eq(tasks.seasonId, season.id), inArray(tasks.id, part))));
  const links = await inChunks(scope.prIds, (part) => tx.select().from(pullRequestTasks).where(inArray(pullRequestTasks.pullRequestId, part)));
  const prRows = await inChunks(scope.prIds, (part) =>
    tx
      .select({ pr: pullRequests, repo: repositories.fullName, login: participants.login, isBot: participants.isBot })
      .from(pullRequests)
      .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
      .leftJoin(participants, eq(participants.id, pullRequests.authorId))
      .where(inArray(pullRequests.id, part)),
  );
  for (const p of prRows) repoNames.set(p.pr.repositoryId, p.repo);
  const rewardRows = await inChunks(scope.prIds, (part) => tx.select().from(pullRequestRewards).where(inArray(pullRequestRewards.pullRequestId, part)));
  const otherIssues = outcomes ? await refsToNonTasks(tx, season.id, scope.prIds, [...repoNames.keys()]) : new Set<number>();
  const mayReward = await rewarders(tx);
  const known = new Set(taskRows.map((t) => t.id));
  const linksOf = groupBy(links.filter((l) => known.has(l.taskId)), (l) => l.pullRequestId);
  const rewardsOf = groupBy(rewardRows, (r) => r.pullRequestId);
  const pulls: AwardPullRequest[] = prRows.map(({ pr: p, repo, login, isBot }) => ({
    id: p.id,
    repo,
    repositoryId: p.repositoryId,
    number: p.number,
    authorId: p.authorId,
    authorLogin: login ?? p.authorLogin,
    isBot: isBot === true,
    labels: p.labels,
    mergedAt: p.mergedAt,
    createdAt: p.githubCreatedAt,
    taskIds: (linksOf.get(p.id) ?? []).map((l) => l.taskId),
    refsOtherIssue: otherIssues.has(p.id),
    rewards: (rewardsOf.get(p.id) ?? [])
      .filter((r) => mayReward(r.authorLogin, p.repositoryId))
      .map((r) => ({ commentId: r.commentId, points: r.points, at: r.commentedAt })),
  }));
  const awardTasks: AwardTask[] = taskRows.map((t) => ({
    id: t.id,
    repositoryId: t.repositoryId,
    repo: repoNames.get(t.repositoryId),
    number: t.number,
    score: t.score,
    difficulty: t.difficulty,
    perPr: t.perPr,
    active: t.active,
    pickedUpAt: t.pickedUpAt,
    pickedUpById: t.pickedUpById,
    createdAt: t.githubCreatedAt,
    minScoreRequired: t.minScoreRequired,
  }));
  return { awardTasks, pulls };
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** PRs that reference an issue of one of the given repositories that is not an active task of the season. */
async function refsToNonTasks(tx: Executor, seasonId: number, prIds: number[], repoIds: number[]): Promise<Set<number>> {
  if (repoIds.length === 0) return new Set();
  const rows = await inChunks(prIds, (part) =>
    tx
      .select({ id: pullRequestRefs.pullRequestId })
      .from(pullRequestRefs)
      .leftJoin(tasks, and(eq(tasks.seasonId, seasonId), eq(tasks.repositoryId, pullRequestRefs.repositoryId), eq(tasks.number, pullRequestRefs.number), eq(tasks.active, true)))
      .where(and(inArray(pullRequestRefs.pullRequestId, part), inArray(pullRequestRefs.repositoryId, repoIds), isNull(tasks.id))),
  );
  return new Set(rows.map((r) => r.id));
}

/** Who may reward on a repository: its maintainers, and admins. */
async function rewarders(tx: Executor): Promise<(login: string | null, repositoryId: number) => boolean> {
  const roleRows = await tx
    .select({ login: participants.login, role: roles.role, repositoryId: roles.repositoryId })
    .from(roles)
    .innerJoin(participants, eq(participants.id, roles.participantId));
  const admins = new Set(roleRows.filter((r) => r.role === "admin").map((r) => r.login.toLowerCase()));
  const maintainers = new Set(roleRows.filter((r) => r.repositoryId !== null).map((r) => `${r.login.toLowerCase()}|${r.repositoryId}`));
  return (login, repositoryId) => login !== null && (admins.has(login.toLowerCase()) || maintainers.has(`${login.toLowerCase()}|${repositoryId}`));
}

/** Roles, waivers and the maintainers' own ledger entries of the scorers (they count in gates and stops). */
export async function loadContext(tx: Executor, seasonId: number, participantIds: number[] | "all", taskIds: number[]): Promise<Required<Pick<DecisionContext, "roles" | "waivers" | "manual">>> {
  const who = (col: typeof scoreEntries.participantId) => (participantIds === "all" ? undefined : inArray(col, participantIds.length ? participantIds : [-1]));
  const rows = await tx
    .select()
    .from(scoreEntries)
    .where(and(eq(scoreEntries.seasonId, seasonId), isNull(scoreEntries.awardKey), who(scoreEntries.participantId)));
  const revokedIds = rows.map((r) => r.revokesEntryId).filter((id): id is number => id !== null);
  const revoked = new Map(
    (await inChunks(revokedIds, (part) => tx.select({ id: scoreEntries.id, pr: scoreEntries.pullRequestId, key: scoreEntries.awardKey }).from(scoreEntries).where(inArray(scoreEntries.id, part)))).map((r) => [r.id, r]),
  );
  const manual: ManualEntry[] = rows.map((r) => {
    const target = r.revokesEntryId !== null ? revoked.get(r.revokesEntryId) : undefined;
    return {
      id: r.id,
      participantId: r.participantId,
      teamId: r.teamId,
      repositoryId: r.repositoryId,
      difficulty: r.difficulty,
      points: r.points,
      occurredAt: r.occurredAt,
      ...(target?.key && target.pr !== null ? { revokes: { pullRequestId: target.pr, actorId: r.actorId, reason: r.reason } } : {}),
    };
  });
  const waiverRows = await inChunks(taskIds, (part) => tx.select({ t: gateWaivers.taskId, p: gateWaivers.participantId }).from(gateWaivers).where(inArray(gateWaivers.taskId, part)));
  const ids = participantIds === "all" ? [...new Set(rows.map((r) => r.participantId))] : participantIds;
  const community = await communityRolesOf(tx, ids);
  return { manual, waivers: new Set(waiverRows.map((w) => `${w.p}:${w.t}`)), roles: new Map([...community].map(([id, c]) => [id, c.role])) };
}

/** Which automatic entries to load: of some participants, on some tasks and PRs (their `/reward`s), or the whole season. */
export type FamilyScope = { participantIds: number[] } | { taskIds: number[]; prIds: number[] } | "all";

/** The ledger's automatic entries of a scope, summed per family. */
export async function ledgerFamilies(tx: Executor, seasonId: number, scope: FamilyScope): Promise<LedgerFamily[]> {
  const auto = and(eq(scoreEntries.seasonId, seasonId), isNotNull(scoreEntries.awardKey));
  const rows = await (scope === "all"
    ? tx.select().from(scoreEntries).where(auto)
    : "participantIds" in scope
      ? inChunks(scope.participantIds, (part) => tx.select().from(scoreEntries).where(and(auto, inArray(scoreEntries.participantId, part))))
      : tx
          .select()
          .from(scoreEntries)
          .where(
            and(
              auto,
              or(
                and(like(scoreEntries.awardKey, `s${seasonId}:t%`), scope.taskIds.length ? inArray(scoreEntries.taskId, scope.taskIds) : sql`false`),
                and(like(scoreEntries.awardKey, `s${seasonId}:reward:%`), scope.prIds.length ? inArray(scoreEntries.pullRequestId, scope.prIds) : sql`false`),
              ),
            ),
          ));
  rows.sort((a, b) => a.id - b.id);
  const families = new Map<string, LedgerFamily>();
  for (const e of rows) {
    const k = `${e.awardKey}|${e.participantId}|${e.teamId ?? ""}|${e.repositoryId}|${e.difficulty ?? ""}`;
    const f = families.get(k);
    if (f) {
      f.net += e.points;
      f.entries += 1;
      continue;
    }
    families.set(k, {
      key: e.awardKey!,
      participantId: e.participantId,
      teamId: e.teamId,
      taskId: e.taskId,
      pullRequestId: e.pullRequestId!,
      repositoryId: e.repositoryId!,
      difficulty: e.difficulty,
      occurredAt: e.occurredAt,
      reason: e.reason,
      net: e.points,
      entries: 1,
    });
  }
  return [...families.values()];
}
