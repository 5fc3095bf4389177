import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/lib/env";
import { jobsOverview, type JobRow } from "@/lib/queries/jobs";
import { CliError, defineCommand } from "../types";

export const ZJobsPayload = z.strictObject({
  limit: z.number({ error: "expected a number of jobs" }).int().min(1).max(200),
  json: z.boolean({ error: "expected true or false" }),
});

const row = (j: JobRow) =>
  `  ${j.name.padEnd(16)} ${(j.key ?? "").padEnd(16)} ${j.state.padEnd(9)} try ${j.retryCount + 1}/${j.retryLimit + 1}  ` +
  `${j.completedOn ? `finished ${j.completedOn}` : `due ${j.startAfter}`}${j.detail ? `  ${j.detail}` : ""}`;

/** `podium jobs`: the job queue as the admin page shows it (stdout holds only this; diagnostics go to stderr). */
export const jobs = defineCommand({
  name: "jobs",
  usage: "jobs [--limit <n>] [--json]",
  summary: "the job queue: next scheduled imports, waiting and running jobs, recent failures",
  payload: ZJobsPayload,
  prepare(args) {
    try {
      const { values } = parseArgs({ args, options: { limit: { type: "string", default: "10" }, json: { type: "boolean", default: false } }, strict: true });
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError(`--limit: expected a whole number from 1 to 200, not ${values.limit}`, 2);
      return { limit, json: values.json ?? false };
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${(e as Error).message}\nusage: podium ${jobs.usage}`, 2);
    }
  },
  async execute(db, payload, out) {
    const interval = env().syncIntervalSeconds;
    const overview = await jobsOverview(db, { intervalSeconds: interval, now: new Date(), limit: payload.limit });
    if (payload.json) {
      out.line(JSON.stringify(overview, null, 2));
      return 0;
    }
    if (!overview.installed) out.error("the job queue has not started on this database yet (it starts with the server)");
    out.line(interval > 0 ? `scheduled imports: every ${interval} s` : "scheduled imports: off (PODIUM_SYNC_INTERVAL_SECONDS=0)");
    out.line("next runs:");
    for (const n of overview.nextRuns) out.line(`  ${n.season.padEnd(20)} ${n.at}`);
    if (overview.nextRuns.length === 0) out.line("  none");
    for (const [title, rows] of [["waiting and running", overview.pending], ["recent failures", overview.failures], ["recent", overview.recent]] as const) {
      out.line(`${title}:`);
      for (const j of rows) out.line(row(j));
      if (rows.length === 0) out.line("  none");
    }
    return 0;
  },
});
