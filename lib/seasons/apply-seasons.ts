import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { repositories, roles, seasonRepositories, seasons } from "@/db/schema";
import { awardSeason } from "@/lib/scoring/award-season";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { resolveSeasonTaskScores } from "@/lib/scoring/task-scores";
import { reconcileUmbrellas } from "@/lib/sync/umbrellas";
import { chunks } from "@/lib/util/chunks";
import { applyTeams, participantIds } from "./apply-teams";
import { DEFAULT_SEASON_OPTIONS, offsetOf, type SeasonFile, type SeasonOptions } from "./season-file";

export type SeasonChange = { slug: string; action: "created" | "updated" | "unchanged"; changes: string[] };

/** Ids of these repositories (`owner/name`, any case), creating the unknown ones. */
export async function ensureRepositories(db: Executor, names: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(names.map((n) => n.toLowerCase()))];
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  await db
    .insert(repositories)
    .values(wanted.map((fullName) => ({ fullName })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: repositories.id, fullName: repositories.fullName })
    .from(repositories)
    .where(inArray(repositories.fullName, wanted));
  for (const row of rows) out.set(row.fullName, row.id);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Canonical JSON: keys sorted, so `{a,b}` and `{b,a}` compare equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function seasonColumns(file: SeasonFile) {
  return {
    name: file.name,
    startsAt: new Date(file.startsAt),
    endsAt: new Date(file.endsAt),
    timeZone: file.timeZone ?? offsetOf(file.startsAt),
    taskLabels: file.taskLabels,
    taskTitlePrefixes: file.taskTitlePrefixes,
    difficulties: canonical(file.difficulties) as Record<string, number>,
    rules: canonical({ ...file.rules, stops: (file.rules as Partial<SeasonFile["rules"]>).stops ?? [] }) as SeasonFile["rules"],
    graceDays: file.graceDays,
    unranked: file.unranked,
    options: canonical(optionsOf(file)) as SeasonOptions,
  };
}

/** The second round's fields of a file, as `seasons.options` holds them. */
export function optionsOf(file: SeasonFile): SeasonOptions {
  const { umbrellas, companionRepos, countAs, formerNames, excluded, voidLabels, registration, prizes, language } = file;
  // A file from a caller that skipped the schema's defaults (a test's raw JSON) still stores every field.
  const d = DEFAULT_SEASON_OPTIONS;
  return {
    umbrellas: umbrellas ?? d.umbrellas,
    companionRepos: companionRepos ?? d.companionRepos,
    countAs: countAs ?? d.countAs,
    formerNames: formerNames ?? d.formerNames,
    excluded: excluded ?? d.excluded,
    voidLabels: voidLabels ?? d.voidLabels,
    prizes: prizes ?? d.prizes,
    ...(registration ? { registration } : {}),
    ...(language ? { language } : {}),
  };
}

async function applyOne(tx: Executor, file: SeasonFile): Promise<SeasonChange> {
  const changes: string[] = [];
  const columns = seasonColumns(file);
  const [existing] = await tx.select().from(seasons).where(eq(seasons.slug, file.slug));
  let seasonId: number;
  if (!existing) {
    const [row] = await tx
      .insert(seasons)
      .values({ slug: file.slug, ...columns })
      .returning({ id: seasons.id });
    if (!row) throw new Error("insert returned no row");
    seasonId = row.id;
  } else {
    seasonId = existing.id;
    const diff: Partial<typeof columns> = {};
    for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
      const before = existing[key] instanceof Date ? (existing[key] as Date).toISOString() : canonical(existing[key]);
      const after = columns[key] instanceof Date ? (columns[key] as Date).toISOString() : columns[key];
      if (!same(before, after)) {
        Object.assign(diff, { [key]: columns[key] });
        changes.push(`${key}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      }
    }
    if (changes.length > 0) {
      await tx
        .update(seasons)
        .set({ ...diff, updatedAt: new Date() })
        .where(eq(seasons.id, seasonId));
    }
  }

  // Repositories, in the file's order.
  const repoIds = await ensureRepositories(tx, file.repos);
  const desired = file.repos.map((r, position) => ({ repositoryId: repoIds.get(r.toLowerCase())!, position }));
  const current = await tx
    .select({ repositoryId: seasonRepositories.repositoryId, position: seasonRepositories.position, fullName: repositories.fullName })
    .from(seasonRepositories)
    .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
    .where(eq(seasonRepositories.seasonId, seasonId));
  const removed = current.filter((c) => !desired.some((d) => d.repositoryId === c.repositoryId));
  if (removed.length > 0) {
    await tx.delete(seasonRepositories).where(
      and(
        eq(seasonRepositories.seasonId, seasonId),
        inArray(
          seasonRepositories.repositoryId,
          removed.map((r) => r.repositoryId),
        ),
      ),
    );
    if (existing) changes.push(`repos removed: ${removed.map((r) => r.fullName).join(", ")}`);
  }
  const added = desired.filter((d) => !current.some((c) => c.repositoryId === d.repositoryId));
  for (const part of chunks(added)) await tx.insert(seasonRepositories).values(part.map((d) => ({ seasonId, ...d })));
  if (existing) for (const d of added) changes.push(`repo added: ${file.repos[d.position]}`);
  for (const d of desired) {
    const c = current.find((x) => x.repositoryId === d.repositoryId);
    if (c && c.position !== d.position) {
      await tx
        .update(seasonRepositories)
        .set({ position: d.position })
        .where(and(eq(seasonRepositories.seasonId, seasonId), eq(seasonRepositories.repositoryId, d.repositoryId)));
      if (existing) changes.push(`repo moved: ${c.fullName}`);
    }
  }

  changes.push(...(await applyMaintainers(tx, file, repoIds, Boolean(existing))));
  changes.push(...(await applyTeams(tx, file, seasonId, Boolean(existing))));

  if (!existing) return { slug: file.slug, action: "created", changes: [] };
  await rederive(tx, seasonId, file, changes);
  return { slug: file.slug, action: changes.length > 0 ? "updated" : "unchanged", changes };
}

async function applyMaintainers(
  tx: Executor,
  file: SeasonFile,
  repoIds: Map<string, number>,
  report: boolean,
): Promise<string[]> {
  const changes: string[] = [];
  const grantedBy = `season:${file.slug}`;
  const pairs = Object.entries(file.maintainers).flatMap(([repo, logins]) => logins.map((login) => ({ repo, login })));
  const ids = await participantIds(
    tx,
    pairs.map((p) => p.login),
  );
  const desired = pairs.map((p) => ({
    participantId: ids.get(p.login.toLowerCase())!,
    repositoryId: repoIds.get(p.repo.toLowerCase())!,
    label: `${p.login} on ${p.repo}`,
  }));
  const current = await tx
    .select({ id: roles.id, participantId: roles.participantId, repositoryId: roles.repositoryId })
    .from(roles)
    .where(and(eq(roles.grantedBy, grantedBy), eq(roles.role, "maintainer")));
  const stale = current.filter((c) => !desired.some((d) => d.participantId === c.participantId && d.repositoryId === c.repositoryId));
  if (stale.length > 0) {
    await tx.delete(roles).where(
      inArray(
        roles.id,
        stale.map((s) => s.id),
      ),
    );
    if (report) changes.push(`maintainers removed: ${stale.length}`);
  }
  const fresh = desired.filter((d) => !current.some((c) => c.participantId === d.participantId && c.repositoryId === d.repositoryId));
  for (const part of chunks(fresh)) {
    const inserted = await tx
      .insert(roles)
      .values(part.map((d) => ({ participantId: d.participantId, repositoryId: d.repositoryId, role: "maintainer" as const, grantedBy })))
      .onConflictDoNothing()
      .returning({ participantId: roles.participantId, repositoryId: roles.repositoryId });
    if (report) for (const d of part) if (inserted.some((r) => r.participantId === d.participantId && r.repositoryId === d.repositoryId)) changes.push(`maintainer added: ${d.label}`);
  }
  return changes;
}

/** What changed decides what must be derived again: task scores, awards, totals. */
async function rederive(tx: Executor, seasonId: number, file: SeasonFile, changes: string[]) {
  const touched = (...keys: string[]) => changes.some((c) => keys.some((k) => c.startsWith(`${k}:`) || c.startsWith(k)));
  if (touched("difficulties")) await resolveSeasonTaskScores(tx, seasonId, file.difficulties);
  if (touched("difficulties", "startsAt", "endsAt", "graceDays", "repo", "maintainer", "rules", "options", "team")) {
    const [season] = await tx.select().from(seasons).where(eq(seasons.id, seasonId));
    // Umbrellas the file now lists, or no longer does.
    if (touched("options")) await reconcileUmbrellas(tx, season!);
    await awardSeason(tx, { ...season!, repos: file.repos.map((r) => r.toLowerCase()) }, "all");
  }
  if (touched("rules")) await refreshTotals(tx, seasonId);
}

/** Creates or updates these seasons in one transaction: all of them, or nothing. */
export async function applySeasons(db: Executor, files: SeasonFile[]): Promise<SeasonChange[]> {
  const slugs = files.map((f) => f.slug);
  const dup = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (dup) throw new Error(`season ${dup} appears twice in the file`);
  return db.transaction(async (tx) => {
    // Serialise concurrent applies of the same seasons (CLI and admin UI at once).
    await tx.execute(sql`select pg_advisory_xact_lock(7263002)`);
    const out: SeasonChange[] = [];
    for (const file of files) out.push(await applyOne(tx, file));
    return out;
  });
}
