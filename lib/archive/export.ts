import { and, asc, eq, gte, inArray, isNotNull, lte, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, pullRequestRefs, pullRequestRewards, pullRequests, pullRequestTasks, repositories, roles, scoreEntries, seasonRepositories, seasons, seasonTotals, tasks, teams } from "@/db/schema";
import { seasonAsFile } from "@/lib/queries/season-as-file";
import { ARCHIVE_FORMAT, portableKey, type SeasonArchive } from "./format";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const DAY = 86_400_000;

/**
 * One season as an archive (`seasons export`): the season file, its tasks, the pull requests of its repositories
 * in its window and grace (and any other that a task or the ledger names), the ledger, the people all of these
 * name, the maintainer roles on its repositories, and its results.
 */
export async function exportSeason(db: Executor, slug: string, now = new Date()): Promise<SeasonArchive | null> {
  const file = await seasonAsFile(db, slug, { registeredTeams: true });
  const [season] = await db.select().from(seasons).where(eq(seasons.slug, slug));
  if (!file || !season) return null;
  const repoRows = await db.select({ id: repositories.id, name: repositories.fullName }).from(repositories);
  const repoName = new Map(repoRows.map((r) => [r.id, r.name]));
  const listed = (await db.select({ id: seasonRepositories.repositoryId }).from(seasonRepositories).where(eq(seasonRepositories.seasonId, season.id))).map((r) => r.id);
  const companions = repoRows.filter((r) => (file.companionRepos ?? []).map((c) => c.toLowerCase()).includes(r.name)).map((r) => r.id);
  const repoIds = [...new Set([...listed, ...companions])];

  const taskRows = await db.select().from(tasks).where(eq(tasks.seasonId, season.id)).orderBy(asc(tasks.repositoryId), asc(tasks.number));
  const taskKey = new Map(taskRows.map((t) => [t.id, `${repoName.get(t.repositoryId)}#${t.number}`]));
  const ledger = await db.select().from(scoreEntries).where(eq(scoreEntries.seasonId, season.id)).orderBy(asc(scoreEntries.id));
  const links = taskRows.length ? await db.select().from(pullRequestTasks).where(inArray(pullRequestTasks.taskId, taskRows.map((t) => t.id))) : [];
  const until = new Date(season.endsAt.getTime() + season.graceDays * DAY);
  const named = [...new Set([...links.map((l) => l.pullRequestId), ...ledger.flatMap((e) => (e.pullRequestId === null ? [] : [e.pullRequestId]))])];
  const inWindow = and(inArray(pullRequests.repositoryId, repoIds.length ? repoIds : [-1]), or(and(gte(pullRequests.mergedAt, season.startsAt), lte(pullRequests.mergedAt, until)), and(gte(pullRequests.githubCreatedAt, season.startsAt), lte(pullRequests.githubCreatedAt, until))));
  const prRows = await db
    .select()
    .from(pullRequests)
    .where(named.length ? or(inWindow, inArray(pullRequests.id, named)) : inWindow)
    .orderBy(asc(pullRequests.repositoryId), asc(pullRequests.number));
  const prIds = prRows.map((p) => p.id);
  const prKey = new Map(prRows.map((p) => [p.id, `${repoName.get(p.repositoryId)}#${p.number}`]));
  const refs = prIds.length ? await db.select().from(pullRequestRefs).where(inArray(pullRequestRefs.pullRequestId, prIds)) : [];
  const rewards = prIds.length ? await db.select().from(pullRequestRewards).where(inArray(pullRequestRewards.pullRequestId, prIds)).orderBy(asc(pullRequestRewards.commentedAt)) : [];
  const totals = await db.select().from(seasonTotals).where(eq(seasonTotals.seasonId, season.id));
  const roleRows = repoIds.length
    ? await db.select({ participantId: roles.participantId, repo: roles.repositoryId }).from(roles).where(and(eq(roles.role, "maintainer"), isNotNull(roles.repositoryId), inArray(roles.repositoryId, repoIds)))
    : [];

  // Everyone the archive names, so an import can create them (matched by GitHub id where there is one).
  const ids = new Set<number>();
  for (const t of taskRows) if (t.pickedUpById !== null) ids.add(t.pickedUpById);
  for (const p of prRows) if (p.authorId !== null) ids.add(p.authorId);
  for (const e of ledger) {
    ids.add(e.participantId);
    if (e.actorId !== null) ids.add(e.actorId);
  }
  for (const t of totals) ids.add(t.participantId);
  for (const r of roleRows) ids.add(r.participantId);
  const people = ids.size ? await db.select().from(participants).where(inArray(participants.id, [...ids])).orderBy(asc(participants.login)) : [];
  const loginOf = new Map(people.map((p) => [p.id, p.login]));
  const login = (id: number | null) => (id === null ? null : (loginOf.get(id) ?? null));
  const names = { season: (id: number) => (id === season.id ? "" : null), task: (id: number) => taskKey.get(id) ?? null, pr: (id: number) => prKey.get(id) ?? null, participant: (id: number) => loginOf.get(id) ?? null };
  const entryIndex = new Map(ledger.map((e, i) => [e.id, i]));
  // Who owns an entry's points (contract, "Teams"): without it an import would give the team's points to the member.
  const teamName = new Map((await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.seasonId, season.id))).map((t) => [t.id, t.name]));

  return {
    format: ARCHIVE_FORMAT,
    exportedAt: now.toISOString(),
    season: file,
    finalizedAt: iso(season.finalizedAt),
    participants: people.map((p) => ({ login: p.login, githubId: p.githubId, name: p.name, avatarUrl: p.avatarUrl, isBot: p.isBot })),
    roles: roleRows.map((r) => ({ login: login(r.participantId)!, role: "maintainer" as const, repo: repoName.get(r.repo!)! })).sort((a, b) => a.repo.localeCompare(b.repo) || a.login.localeCompare(b.login)),
    tasks: taskRows.map((t) => archivedTask(t, taskKey.get(t.id)!, login)),
    pulls: prRows.map((p) => archivedPull(p, { key: prKey.get(p.id)!, login, links: links.filter((l) => l.pullRequestId === p.id), refs: refs.filter((r) => r.pullRequestId === p.id), rewards: rewards.filter((r) => r.pullRequestId === p.id), taskKey, repoName })),
    ledger: ledger.map((e) => archivedEntry(e, { login, taskKey, prKey, repoName, names, entryIndex, teamName })),
    results: totals
      .map((t) => ({ login: login(t.participantId)!, points: t.points, rawPoints: t.rawPoints, tasks: t.tasks }))
      .sort((a, b) => b.points - a.points || a.login.localeCompare(b.login)),
  };
}

type Login = (id: number | null) => string | null;

/** A task row as the archive carries it: ids become portable names. */
function archivedTask(t: typeof tasks.$inferSelect, key: string, login: Login): SeasonArchive["tasks"][number] {
  return {
    issue: key,
    title: t.title,
    url: t.url,
    labels: t.labels,
    difficulty: t.difficulty,
    score: t.score,
    scoreSource: t.scoreSource,
    statedScore: t.statedScore,
    scoreOverride: t.scoreOverride,
    scoreOverrideReason: t.scoreOverrideReason,
    minScoreRequired: t.minScoreRequired,
    perPr: t.perPr,
    active: t.active,
    manual: t.manual,
    issueState: t.issueState === "closed" ? "closed" : "open",
    state: t.state,
    pickedUpBy: login(t.pickedUpById),
    pickedUpAt: iso(t.pickedUpAt),
    githubCreatedAt: iso(t.githubCreatedAt),
    githubUpdatedAt: iso(t.githubUpdatedAt),
  };
}

type PullContext = {
  key: string;
  login: Login;
  links: (typeof pullRequestTasks.$inferSelect)[];
  refs: (typeof pullRequestRefs.$inferSelect)[];
  rewards: (typeof pullRequestRewards.$inferSelect)[];
  taskKey: Map<number, string>;
  repoName: Map<number, string>;
};

/** A pull request with its task links, references and `/reward` comments. */
function archivedPull(p: typeof pullRequests.$inferSelect, c: PullContext): SeasonArchive["pulls"][number] {
  return {
    pr: c.key,
    title: p.title,
    url: p.url,
    author: c.login(p.authorId),
    authorLogin: p.authorLogin,
    labels: p.labels,
    state: p.state === "merged" || p.state === "closed" ? p.state : "open",
    mergedAt: iso(p.mergedAt),
    mergedByLogin: p.mergedByLogin,
    githubCreatedAt: iso(p.githubCreatedAt),
    githubUpdatedAt: iso(p.githubUpdatedAt),
    tasks: c.links.map((l) => ({ issue: c.taskKey.get(l.taskId)!, source: l.source })),
    refs: c.refs.map((r) => ({ issue: `${c.repoName.get(r.repositoryId)}#${r.number}`, source: r.source })),
    rewards: c.rewards.map((r) => ({ commentId: r.commentId, authorLogin: r.authorLogin, points: r.points, commentedAt: r.commentedAt.toISOString() })),
  };
}

type EntryContext = {
  login: Login;
  taskKey: Map<number, string>;
  prKey: Map<number, string>;
  repoName: Map<number, string>;
  names: Parameters<typeof portableKey>[1];
  entryIndex: Map<number, number>;
  teamName: Map<number, string>;
};

/** A ledger entry: its keys made portable, the entry it revokes as an index into the archive's ledger. */
function archivedEntry(e: typeof scoreEntries.$inferSelect, c: EntryContext): SeasonArchive["ledger"][number] {
  return {
    participant: c.login(e.participantId)!,
    task: e.taskId === null ? null : (c.taskKey.get(e.taskId) ?? null),
    pr: e.pullRequestId === null ? null : (c.prKey.get(e.pullRequestId) ?? null),
    repo: e.repositoryId === null ? null : (c.repoName.get(e.repositoryId) ?? null),
    difficulty: e.difficulty,
    points: e.points,
    kind: e.kind,
    actor: c.login(e.actorId),
    reason: e.reason,
    occurredAt: e.occurredAt.toISOString(),
    createdAt: e.createdAt.toISOString(),
    sourceKey: e.sourceKey === null ? null : portableKey(e.sourceKey, c.names),
    awardKey: e.awardKey === null ? null : portableKey(e.awardKey, c.names),
    revokes: e.revokesEntryId === null ? null : (c.entryIndex.get(e.revokesEntryId) ?? null),
    team: e.teamId === null ? null : (c.teamName.get(e.teamId) ?? null),
  };
}
