import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { refreshTotals } from "@/lib/scoring/refresh-totals";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import {
  BOT_DATABASE_ID,
  BOT_LOGIN,
  DIFFICULTIES,
  avatarUrl,
  botPullAt,
  botPullCount,
  isoSecond,
  maintainerLogin,
  openTaskAt,
  openTaskCount,
  participantDatabaseId,
  participantLogin,
  participantName,
  pullAt,
  pullTitle,
  repoName,
  seasonFiles,
  seasonSlug,
  taskLabels,
  type GenPull,
  type GenTask,
  type ProgramSpec,
} from "./generate";

/**
 * Writes a generated program straight into the tables, as the importer would have left them after a full import
 * (tasks, pull requests and their links, `/reward` comments, one ledger award per scored PR, season totals), without
 * going through GitHub or `ingest()`: multi-row inserts of a few thousand rows per statement (`json_to_recordset`,
 * one parameter each). The season rows come from the app's own `applySeasons` and the totals from its own
 * `refreshTotals`, so they follow the app's schema and rules. Used for the read benchmarks, where the large scale has a million ledger entries.
 */

const CHUNK = 5000;
const WEB = "https://github.com";

type Row = Record<string, unknown>;

/** Result rows of `db.execute`, whichever driver (postgres.js gives an array, PGlite `{ rows }`). */
export function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result !== null && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows as Row[];
  return [];
}

const num = (v: unknown): number => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`expected a number, got ${String(v)}`);
  return n;
};

/** `insert into <table> (<columns>) select … from json_to_recordset($1)`, optionally returning columns. */
async function insertJson(db: Db, insert: SQL, recordType: string, select: string, rows: Row[], returning = ""): Promise<Row[]> {
  if (rows.length === 0) return [];
  const query = sql`${insert} select ${sql.raw(select)} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(recordType)})${sql.raw(
    returning ? ` returning ${returning}` : "",
  )}`;
  return rowsOf(await db.execute(query));
}

export type LoadSummary = { participants: number; pullRequests: number; tasks: number; entries: number; ms: number };

export type LoadOptions = { onProgress?: (done: number, total: number) => void };

export async function loadProgram(db: Db, spec: ProgramSpec, options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  await applySeasons(db, seasonFiles(spec));

  // Participants (and the bot), by GitHub id as the importer stores them.
  const people: Row[] = [];
  for (let n = 0; n < spec.participants; n++) {
    const id = participantDatabaseId(n);
    people.push({ github_id: id, login: participantLogin(n), name: participantName(n), avatar_url: avatarUrl(id), is_bot: false });
  }
  people.push({ github_id: BOT_DATABASE_ID, login: BOT_LOGIN, name: null, avatar_url: avatarUrl(BOT_DATABASE_ID), is_bot: true });
  for (let i = 0; i < people.length; i += CHUNK) {
    await insertJson(
      db,
      sql`insert into participants (github_id, login, name, avatar_url, is_bot)`,
      "github_id bigint, login text, name text, avatar_url text, is_bot boolean",
      "github_id, login, name, avatar_url, is_bot",
      people.slice(i, i + CHUNK),
    );
  }
  const participantId = new Map<string, number>();
  for (const r of rowsOf(await db.execute(sql`select id, login from participants`))) participantId.set(String(r.login), num(r.id));
  const repoId = new Map<string, number>();
  for (const r of rowsOf(await db.execute(sql`select id, full_name from repositories`))) repoId.set(String(r.full_name), num(r.id));
  const seasonId = new Map<string, number>();
  for (const r of rowsOf(await db.execute(sql`select id, slug from seasons`))) seasonId.set(String(r.slug), num(r.id));
  const idOf = <K,>(map: Map<K, number>, key: K): number => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`bench loader: unknown ${String(key)}`);
    return v;
  };
  const sid = (season: number) => idOf(seasonId, seasonSlug(season));
  const rid = (repo: number) => idOf(repoId, repoName(repo));
  const authorId = (p: GenPull) => idOf(participantId, p.author < 0 ? BOT_LOGIN : participantLogin(p.author));

  const taskRow = (season: number, repo: number, t: GenTask) => ({
    season_id: sid(season),
    repository_id: rid(repo),
    number: t.number,
    title: t.title,
    url: `${WEB}/${repoName(repo)}/issues/${t.number}`,
    labels: taskLabels(season, t),
    difficulty: t.difficulty,
    score: DIFFICULTIES[t.difficulty],
    state: t.closedAt === null ? "open" : "completed",
    issue_state: t.closedAt === null ? "open" : "closed",
    github_created_at: isoSecond(t.createdAt),
    github_updated_at: isoSecond(t.closedAt ?? t.createdAt),
  });
  const insertTasks = (rows: Row[]) =>
    insertJson(
      db,
      sql`insert into tasks (season_id, repository_id, number, title, url, labels, difficulty, score, score_source, state, issue_state, github_created_at, github_updated_at)`,
      "season_id int, repository_id int, number int, title text, url text, labels jsonb, difficulty text, score int, state text, issue_state text, github_created_at timestamptz, github_updated_at timestamptz",
      "season_id, repository_id, number, title, url, labels, difficulty, score, 'default'::score_source, state::task_state, issue_state, github_created_at, github_updated_at",
      rows,
      "id, season_id, repository_id, number",
    );
  const insertPulls = (pulls: GenPull[]) =>
    insertJson(
      db,
      sql`insert into pull_requests (repository_id, number, title, url, author_id, author_login, labels, state, merged_at, merged_by_login, github_created_at, github_updated_at)`,
      "repository_id int, number int, title text, url text, author_id int, author_login text, merged_at timestamptz, merged_by_login text, github_created_at timestamptz, github_updated_at timestamptz",
      "repository_id, number, title, url, author_id, author_login, '[]'::jsonb, 'merged', merged_at, merged_by_login, github_created_at, github_updated_at",
      pulls.map((p) => ({
        repository_id: rid(p.repo),
        number: p.number,
        title: pullTitle(p),
        url: `${WEB}/${repoName(p.repo)}/pull/${p.number}`,
        author_id: authorId(p),
        author_login: p.author < 0 ? BOT_LOGIN : participantLogin(p.author),
        merged_at: isoSecond(p.mergedAt),
        merged_by_login: maintainerLogin(p.repo),
        github_created_at: isoSecond(p.createdAt),
        github_updated_at: isoSecond(p.updatedAt),
      })),
      "id, repository_id, number",
    );

  let tasks = 0;
  let entries = 0;
  for (let start = 0; start < spec.pullRequests; start += CHUNK) {
    const pulls: GenPull[] = [];
    for (let i = start; i < Math.min(spec.pullRequests, start + CHUNK); i++) pulls.push(pullAt(spec, i));
    const withTask = pulls.filter((p): p is GenPull & { task: GenTask } => p.task !== null);
    const taskIds = new Map<string, number>();
    for (const r of await insertTasks(withTask.map((p) => taskRow(p.season, p.repo, p.task)))) {
      taskIds.set(`${num(r.season_id)}:${num(r.repository_id)}#${num(r.number)}`, num(r.id));
    }
    tasks += withTask.length;
    const prIds = new Map<string, number>();
    for (const r of await insertPulls(pulls)) prIds.set(`${num(r.repository_id)}#${num(r.number)}`, num(r.id));
    const prId = (p: GenPull) => idOf(prIds, `${rid(p.repo)}#${p.number}`);
    const taskId = (p: GenPull & { task: GenTask }) => idOf(taskIds, `${sid(p.season)}:${rid(p.repo)}#${p.task.number}`);

    await insertJson(
      db,
      sql`insert into pull_request_tasks (pull_request_id, task_id, source)`,
      "pull_request_id int, task_id int",
      "pull_request_id, task_id, 'closing'::link_source",
      withTask.map((p) => ({ pull_request_id: prId(p), task_id: taskId(p) })),
    );
    const rewarded = pulls.filter((p) => p.reward !== null);
    await insertJson(
      db,
      sql`insert into pull_request_rewards (comment_id, pull_request_id, author_login, points, commented_at)`,
      "comment_id text, pull_request_id int, author_login text, points int, commented_at timestamptz",
      "comment_id, pull_request_id, author_login, points, commented_at",
      rewarded.map((p) => ({
        comment_id: p.reward?.commentId,
        pull_request_id: prId(p),
        author_login: maintainerLogin(p.repo),
        points: p.reward?.points,
        commented_at: isoSecond(p.reward?.at ?? p.mergedAt),
      })),
    );

    // The awards the importer would append: a `/reward` replaces the task's award for that PR.
    const ledger: Row[] = [];
    for (const p of pulls) {
      const season = sid(p.season);
      const participant = authorId(p);
      const repo = repoName(p.repo);
      const task = p.task ? { id: taskId({ ...p, task: p.task }), difficulty: p.task.difficulty, number: p.task.number } : null;
      if (p.reward) {
        const key = `s${season}:reward:${p.reward.commentId}`;
        ledger.push({
          season_id: season, participant_id: participant, task_id: task?.id ?? null, pull_request_id: prId(p), repository_id: rid(p.repo),
          difficulty: task?.difficulty ?? null, points: p.reward.points, reason: `/reward ${p.reward.points} on ${repo}#${p.number}`,
          occurred_at: isoSecond(p.mergedAt), source_key: `${key}:u${participant}`, award_key: key,
        });
      } else if (task) {
        const key = `s${season}:t${task.id}`;
        ledger.push({
          season_id: season, participant_id: participant, task_id: task.id, pull_request_id: prId(p), repository_id: rid(p.repo),
          difficulty: task.difficulty, points: DIFFICULTIES[task.difficulty], reason: `completed ${repo.split("/")[1]}#${task.number} with #${p.number}`,
          occurred_at: isoSecond(p.mergedAt), source_key: `${key}:u${participant}`, award_key: key,
        });
      }
    }
    await insertJson(
      db,
      sql`insert into score_entries (season_id, participant_id, task_id, pull_request_id, repository_id, difficulty, points, kind, reason, occurred_at, source_key, award_key)`,
      "season_id int, participant_id int, task_id int, pull_request_id int, repository_id int, difficulty text, points int, reason text, occurred_at timestamptz, source_key text, award_key text",
      "season_id, participant_id, task_id, pull_request_id, repository_id, difficulty, points, 'award'::ledger_kind, reason, occurred_at, source_key, award_key",
      ledger,
    );
    entries += ledger.length;
    options.onProgress?.(Math.min(spec.pullRequests, start + CHUNK), spec.pullRequests);
  }

  const bots: GenPull[] = Array.from({ length: botPullCount(spec) }, (_, j) => botPullAt(spec, j));
  for (let i = 0; i < bots.length; i += CHUNK) await insertPulls(bots.slice(i, i + CHUNK));
  const open = Array.from({ length: openTaskCount(spec) }, (_, j) => openTaskAt(spec, j));
  for (let i = 0; i < open.length; i += CHUNK) await insertTasks(open.slice(i, i + CHUNK).map((o) => taskRow(o.season, o.repo, o.task)));
  tasks += open.length;

  await writeTotals(db);
  await db.execute(sql`analyze`);
  return { participants: spec.participants, pullRequests: spec.pullRequests + bots.length, tasks, entries, ms: performance.now() - started };
}

/** Season totals from the ledger by the app's own `refreshTotals` (one pass per season), whatever its columns and rules. */
export async function writeTotals(db: Db): Promise<void> {
  for (const r of rowsOf(await db.execute(sql`select id from seasons order by id`))) await refreshTotals(db, num(r.id));
}
