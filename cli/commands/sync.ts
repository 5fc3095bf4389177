import { parseArgs } from "node:util";
import { z } from "zod";
import { env } from "@/lib/env";
import { githubClient, githubEndpoints } from "@/lib/github/endpoints";
import { nextScheduledRuns } from "@/lib/queries/jobs";
import { reposOfSeasons } from "@/lib/queries/season-repos";
import { runSync } from "@/lib/sync/run-sync";
import { CliError, defineCommand } from "../types";

/** A season's slug, as the season file spells it. */
export const ZSeasonSlug = z
  .string({ error: "expected a season slug" })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a season slug of lower-case letters, digits and dashes" });

export const ZSyncPayload = z.strictObject({ season: ZSeasonSlug.optional(), full: z.boolean({ error: "expected true or false" }) });

export const sync = defineCommand({
  name: "sync",
  usage: "sync [--season <slug>] [--full]",
  summary: "import task issues and merged pull requests from GitHub (incremental unless --full)",
  payload: ZSyncPayload,
  prepare(args) {
    try {
      const { values } = parseArgs({ args, options: { season: { type: "string" }, full: { type: "boolean", default: false } }, strict: true });
      if (values.season !== undefined && !ZSeasonSlug.safeParse(values.season).success) throw new CliError(`--season: not a season slug: ${values.season}`, 2);
      return { season: values.season, full: values.full ?? false };
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${(e as Error).message}\nusage: podium ${sync.usage}`, 2);
    }
  },
  async execute(db, payload, out) {
    const gh = await githubEndpoints();
    if (!gh.token && !gh.app) throw new CliError("neither GITHUB_TOKEN nor GITHUB_APP_ID is set: the importer needs a credential to read GitHub (see .env.example)");
    const client = githubClient(gh, await reposOfSeasons(db, payload.season), {
      onEvent: (e) => {
        if (e.kind === "retry") out.line(`  retrying in ${Math.round(e.waitMs / 1000)} s (attempt ${e.attempt}, ${e.reason})`);
        if (e.kind === "secondary-limit") out.line(`  GitHub's secondary rate limit: waiting ${Math.round(e.waitMs / 1000)} s as it asks`);
        if (e.kind === "rate-limit-wait") out.line(`  GitHub's rate limit is spent: waiting until ${e.until.toISOString()} for the reset`);
      },
    });
    out.line(`sync ${payload.full ? "(full)" : "(incremental)"}${payload.season ? ` of ${payload.season}` : " of all seasons"} from ${gh.demo ? "the demo GitHub" : gh.graphqlUrl}`);
    let last = "";
    const summary = await runSync(db, {
      client,
      season: payload.season,
      full: payload.full,
      trigger: "cli",
      webBase: gh.webUrl,
      onProgress: (p) => {
        if (out.progress) {
          const width = 24;
          const filled = p.steps ? Math.round(((p.step ?? 0) / p.steps) * width) : 0;
          out.progress(`  [${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.step ?? 0}/${p.steps ?? 0}  ${p.season ?? ""} ${p.repo ?? ""}: ${p.phase} (${p.done})`);
          return;
        }
        const line = `  ${p.season ?? ""} ${p.repo ?? ""}: ${p.phase}`;
        if (line !== last) out.line(line);
        last = line;
      },
    });
    out.line("");
    out.line(`done in ${(summary.durationMs / 1000).toFixed(1)} s (run ${summary.runId})`);
    out.line(`  seasons           ${summary.seasons}`);
    out.line(`  repositories      ${summary.repos} imported, ${summary.reposSkipped} unchanged`);
    out.line(`  tasks             ${summary.tasks}`);
    out.line(`  pull requests     ${summary.pullRequests}`);
    out.line(`  ledger entries    ${summary.entries} (${summary.pointsAwarded >= 0 ? "+" : ""}${summary.pointsAwarded} points)`);
    out.line(`  GraphQL           ${summary.queries} queries, ${summary.graphqlCost} points`);
    for (const problem of summary.problems) out.error(`  not imported: ${problem}`);
    out.line(await scheduleLine(db, payload.season));
    return summary.problems.length ? 1 : 0;
  },
});

/** When the server imports next on its own (the sync panel says the same). */
async function scheduleLine(db: Parameters<typeof nextScheduledRuns>[0], season?: string): Promise<string> {
  const interval = env().syncIntervalSeconds;
  if (interval === 0) return "  next scheduled    off (PODIUM_SYNC_INTERVAL_SECONDS=0)";
  const [next] = await nextScheduledRuns(db, interval, new Date(), season);
  return next ? `  next scheduled    ${next.at} (every ${interval} s, by the server)` : "  next scheduled    none (no open season)";
}
