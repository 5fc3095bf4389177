import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { seasons } from "@/db/schema";
import { isOpen, nextSlotStart } from "@/lib/jobs/schedule";
import { redact } from "@/lib/security/redact";

/** The job queue as admins see it (`/admin/jobs`, `podium jobs`): what runs next, what is waiting, what failed. */

export type JobRow = {
  id: string;
  name: string;
  key: string | null;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
  startAfter: string;
  startedOn: string | null;
  completedOn: string | null;
  /** A failure's message (redacted, one line), or a completed job's output as JSON. */
  detail: string | null;
};

export type JobsOverview = {
  /** False until the queue has started once against this database (its tables do not exist yet). */
  installed: boolean;
  intervalSeconds: number;
  /** The next scheduled import of each open season (none when scheduling is off). */
  nextRuns: { season: string; at: string }[];
  /** Waiting, retrying and running jobs, soonest first. */
  pending: JobRow[];
  /** The latest failed jobs (retries exhausted). */
  failures: JobRow[];
  /** The latest finished jobs of any state. */
  recent: JobRow[];
};

type RawJob = {
  id: string;
  name: string;
  singleton_key: string | null;
  state: string;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  start_after: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  output: unknown;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function detailOf(job: RawJob): string | null {
  if (job.output === null || job.output === undefined) return null;
  const output = typeof job.output === "string" ? safeJson(job.output) : job.output;
  if (job.state === "failed" || job.state === "retry") {
    const message = (output as { message?: unknown } | null)?.message;
    return redact(String(message ?? JSON.stringify(output)).split("\n")[0]!.slice(0, 500));
  }
  return redact(JSON.stringify(output).slice(0, 500));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const toRow = (j: RawJob): JobRow => ({
  id: j.id,
  name: j.name,
  key: j.singleton_key,
  state: j.state,
  retryCount: Number(j.retry_count),
  retryLimit: Number(j.retry_limit),
  createdOn: iso(j.created_on)!,
  startAfter: iso(j.start_after)!,
  startedOn: iso(j.started_on),
  completedOn: iso(j.completed_on),
  detail: detailOf(j),
});

const FIELDS = "id, name, singleton_key, state, retry_count, retry_limit, created_on, start_after, started_on, completed_on, output";
const COLUMNS = sql.raw("id::text, name, singleton_key, state::text, retry_count, retry_limit, created_on, start_after, started_on, completed_on, output");
// Finished jobs are moved from pgboss.job to pgboss.archive after a while: history reads both.
const BOTH = sql.raw(`(select ${FIELDS} from pgboss.job union all select ${FIELDS} from pgboss.archive) j`);

export async function queueInstalled(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ t: string | null }>(await db.execute(sql`select to_regclass('pgboss.archive')::text as t`));
  return Boolean(row?.t);
}

/** The next scheduled run of each open season: the next slot of the interval (null when scheduling is off). */
export async function nextScheduledRuns(db: Db, intervalSeconds: number, now: Date, slug?: string): Promise<{ season: string; at: string }[]> {
  if (!(intervalSeconds > 0)) return [];
  const rows = await db.select({ slug: seasons.slug, startsAt: seasons.startsAt, endsAt: seasons.endsAt, graceDays: seasons.graceDays }).from(seasons);
  const at = nextSlotStart(now, intervalSeconds);
  return rows
    .filter((s) => (slug === undefined || s.slug === slug) && isOpen(s, at))
    .map((s) => ({ season: s.slug, at: at.toISOString() }))
    .sort((a, b) => a.season.localeCompare(b.season));
}

export async function jobsOverview(db: Db, input: { intervalSeconds: number; now: Date; limit?: number }): Promise<JobsOverview> {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 200);
  const nextRuns = await nextScheduledRuns(db, input.intervalSeconds, input.now);
  if (!(await queueInstalled(db))) return { installed: false, intervalSeconds: input.intervalSeconds, nextRuns, pending: [], failures: [], recent: [] };
  const read = async (where: string, order: string) =>
    rowsOf<RawJob>(await db.execute(sql`select ${COLUMNS} from ${BOTH} where ${sql.raw(where)} order by ${sql.raw(order)} limit ${limit}`)).map(toRow);
  const [pending, failures, recent] = await Promise.all([
    read("state in ('created', 'retry', 'active')", "start_after asc, created_on asc"),
    read("state = 'failed'", "completed_on desc nulls last"),
    read("state in ('completed', 'failed', 'cancelled')", "completed_on desc nulls last"),
  ]);
  return { installed: true, intervalSeconds: input.intervalSeconds, nextRuns, pending, failures, recent };
}
