import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { pullRequestRefs, pullRequestRewards, pullRequests, pullRequestTasks, roles, scoreEntries, seasons, seasonTotals, tasks, teams, walletEntries } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { applySeasons, ensureRepositories } from "@/lib/seasons/apply-seasons";
import { upsertParticipants } from "@/lib/sync/upsert-participants";
import { chunks } from "@/lib/util/chunks";
import { localKey, type SeasonArchive } from "./format";

export type ImportResult = { season: string; replaced: boolean; tasks: number; pulls: number; entries: number; participants: number };

const at = (s: string | null) => (s === null ? null : new Date(s));
const splitKey = (k: string) => {
  const i = k.lastIndexOf("#");
  return { repo: k.slice(0, i).toLowerCase(), number: Number(k.slice(i + 1)) };
};

/**
 * Loads an archive (already checked by `ZSeasonArchive`) into this database, inside the caller's transaction:
 * people (matched by GitHub id), the season file, tasks, pull requests with their links and `/reward`s, the
 * ledger (keys mapped to this database's ids, team ownership to this season's teams), maintainer roles; totals are recomputed from the ledger and must
 * equal the archive's results, or the whole import is refused. A season that exists is refused unless `replace`.
 */
export async function importSeason(tx: Executor, a: SeasonArchive, options: { replace: boolean }): Promise<ImportResult> {
  const slug = a.season.slug;
  await tx.execute(sql`select pg_advisory_xact_lock(7263003)`);
  const [existing] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  if (existing && !options.replace) throw new RuleError(`Season ${slug} exists already; nothing was written. Import with --replace to replace it.`);
  if (existing) {
    const [credited] = await tx.select({ id: walletEntries.id }).from(walletEntries).where(eq(walletEntries.lotSeasonId, existing.id)).limit(1);
    if (credited) throw new RuleError(`Season ${slug} has issued credits to wallets; it cannot be replaced.`);
    await tx.delete(seasons).where(eq(seasons.id, existing.id));
  }

  const people = await upsertParticipants(
    tx,
    a.participants.map((p) => ({ login: p.login, databaseId: p.githubId, name: p.name, avatarUrl: p.avatarUrl, isBot: p.isBot })),
  );
  const person = (login: string | null) => (login === null ? null : (people.get(login.toLowerCase()) ?? null));
  await applySeasons(tx, [a.season]);
  const [season] = await tx.select().from(seasons).where(eq(seasons.slug, slug));
  if (!season) throw new Error("the season was not created");

  const repoNames = [...new Set([...a.tasks.map((t) => splitKey(t.issue).repo), ...a.pulls.flatMap((p) => [splitKey(p.pr).repo, ...p.refs.map((r) => splitKey(r.issue).repo)]), ...a.roles.map((r) => r.repo.toLowerCase())])];
  const repoId = await ensureRepositories(tx, repoNames);
  const repo = (name: string) => repoId.get(name.toLowerCase())!;

  const taskId = await insertTasks(tx, a, season.id, repo, person);
  const prId = await upsertPulls(tx, a, repo, person, taskId);
  const entries = await insertLedger(tx, a, season.id, repo, person, taskId, prId);
  for (const r of a.roles) {
    await tx.insert(roles).values({ participantId: person(r.login)!, role: "maintainer", repositoryId: repo(r.repo), grantedBy: `archive:${slug}` }).onConflictDoNothing();
  }
  await refreshTotals(tx, season.id);
  // Final only once its totals are computed: a final season's totals are frozen (refreshTotals leaves them be).
  await tx.update(seasons).set({ finalizedAt: at(a.finalizedAt) }).where(eq(seasons.id, season.id));
  await checkResults(tx, a, season.id, person);
  return { season: slug, replaced: Boolean(existing), tasks: a.tasks.length, pulls: a.pulls.length, entries, participants: a.participants.length };
}

type Lookup = (name: string) => number;
type Person = (login: string | null) => number | null;

async function insertTasks(tx: Executor, a: SeasonArchive, seasonId: number, repo: Lookup, person: Person): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(a.tasks, 500)) {
    const rows = await tx
      .insert(tasks)
      .values(
        part.map((t) => {
          const k = splitKey(t.issue);
          return {
            seasonId,
            repositoryId: repo(k.repo),
            number: k.number,
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
            issueState: t.issueState,
            state: t.state,
            pickedUpById: person(t.pickedUpBy),
            pickedUpAt: at(t.pickedUpAt),
            githubCreatedAt: at(t.githubCreatedAt),
            githubUpdatedAt: at(t.githubUpdatedAt),
          };
        }),
      )
      .returning({ id: tasks.id, repositoryId: tasks.repositoryId, number: tasks.number });
    for (const [i, r] of rows.entries()) out.set(part[i]!.issue.toLowerCase(), r.id);
  }
  return out;
}

/** Pull requests are shared by seasons: one already here is kept unless the archive's copy is newer (newer wins). */
async function upsertPulls(tx: Executor, a: SeasonArchive, repo: Lookup, person: Person, taskId: Map<string, number>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks(a.pulls, 500)) {
    const values = part.map((p) => {
      const k = splitKey(p.pr);
      return {
        repositoryId: repo(k.repo),
        number: k.number,
        title: p.title,
        url: p.url,
        authorId: person(p.author),
        authorLogin: p.authorLogin,
        labels: p.labels,
        state: p.state,
        mergedAt: at(p.mergedAt),
        mergedByLogin: p.mergedByLogin,
        githubCreatedAt: at(p.githubCreatedAt),
        githubUpdatedAt: at(p.githubUpdatedAt),
      };
    });
    await tx
      .insert(pullRequests)
      .values(values)
      .onConflictDoUpdate({
        target: [pullRequests.repositoryId, pullRequests.number],
        set: { title: sql`excluded.title`, url: sql`excluded.url`, authorId: sql`excluded.author_id`, authorLogin: sql`excluded.author_login`, labels: sql`excluded.labels`, state: sql`excluded.state`, mergedAt: sql`excluded.merged_at`, mergedByLogin: sql`excluded.merged_by_login`, githubCreatedAt: sql`excluded.github_created_at`, githubUpdatedAt: sql`excluded.github_updated_at`, updatedAt: new Date() },
        setWhere: sql`${pullRequests.githubUpdatedAt} is null or excluded.github_updated_at > ${pullRequests.githubUpdatedAt}`,
      });
    for (const v of values) {
      const [row] = await tx.select({ id: pullRequests.id }).from(pullRequests).where(and(eq(pullRequests.repositoryId, v.repositoryId), eq(pullRequests.number, v.number)));
      out.set(`${part[values.indexOf(v)]!.pr.toLowerCase()}`, row!.id);
    }
  }
  const links = a.pulls.flatMap((p) => p.tasks.map((l) => ({ pullRequestId: out.get(p.pr.toLowerCase())!, taskId: taskId.get(l.issue.toLowerCase())!, source: l.source })));
  for (const part of chunks(links, 1000)) await tx.insert(pullRequestTasks).values(part).onConflictDoNothing();
  const refs = a.pulls.flatMap((p) => p.refs.map((r) => ({ pullRequestId: out.get(p.pr.toLowerCase())!, repositoryId: repo(splitKey(r.issue).repo), number: splitKey(r.issue).number, source: r.source })));
  for (const part of chunks(refs, 1000)) await tx.insert(pullRequestRefs).values(part).onConflictDoNothing();
  const rewards = a.pulls.flatMap((p) => p.rewards.map((r) => ({ commentId: r.commentId, pullRequestId: out.get(p.pr.toLowerCase())!, authorLogin: r.authorLogin, points: r.points, commentedAt: new Date(r.commentedAt) })));
  for (const part of chunks(rewards, 1000)) await tx.insert(pullRequestRewards).values(part).onConflictDoNothing();
  return out;
}

async function insertLedger(tx: Executor, a: SeasonArchive, seasonId: number, repo: Lookup, person: Person, taskId: Map<string, number>, prId: Map<string, number>): Promise<number> {
  const teamIds = new Map((await tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.seasonId, seasonId))).map((t) => [t.name.toLowerCase(), t.id]));
  const ids = { season: seasonId, task: (k: string) => taskId.get(k.toLowerCase()), pr: (k: string) => prId.get(k.toLowerCase()), participant: (l: string) => person(l) ?? undefined };
  const newIds: number[] = [];
  for (const [i, e] of a.ledger.entries()) {
    const mapKey = (k: string | null, field: string) => {
      if (k === null) return null;
      const local = localKey(k, ids);
      if (local === null) throw new RuleError(`ledger[${i}].${field}: names something the archive does not hold; nothing was written.`);
      return local;
    };
    const [row] = await tx
      .insert(scoreEntries)
      .values({
        seasonId,
        participantId: person(e.participant)!,
        teamId: e.team == null ? null : teamIds.get(e.team.toLowerCase())!,
        taskId: e.task === null ? null : taskId.get(e.task.toLowerCase())!,
        pullRequestId: e.pr === null ? null : prId.get(e.pr.toLowerCase())!,
        repositoryId: e.repo === null ? null : repo(e.repo),
        difficulty: e.difficulty,
        points: e.points,
        kind: e.kind,
        actorId: person(e.actor),
        reason: e.reason,
        occurredAt: new Date(e.occurredAt),
        createdAt: new Date(e.createdAt),
        sourceKey: mapKey(e.sourceKey, "sourceKey"),
        awardKey: mapKey(e.awardKey, "awardKey"),
        revokesEntryId: e.revokes === null ? null : newIds[e.revokes]!,
      })
      .onConflictDoNothing({ target: scoreEntries.sourceKey })
      .returning({ id: scoreEntries.id });
    if (!row) throw new RuleError(`ledger[${i}].sourceKey: this entry is in the database already (another season holds it); nothing was written.`);
    newIds.push(row.id);
  }
  return newIds.length;
}

/** The totals recomputed here must be the archive's results, participant for participant. */
async function checkResults(tx: Executor, a: SeasonArchive, seasonId: number, person: Person): Promise<void> {
  const rows = await tx.select().from(seasonTotals).where(eq(seasonTotals.seasonId, seasonId)).orderBy(asc(seasonTotals.participantId));
  const want = new Map(a.results.map((r) => [person(r.login), r]));
  const wrong = rows.find((r) => {
    const w = want.get(r.participantId);
    return !w || w.points !== r.points || w.rawPoints !== r.rawPoints || w.tasks !== r.tasks;
  });
  if (wrong || rows.length !== a.results.length) {
    throw new RuleError("results: the archive's results are not what its ledger adds up to here; nothing was written.");
  }
}

