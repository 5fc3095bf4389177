import { z } from "zod";
import { seasonRepos } from "@/lib/queries/season-repos";
import { runSync } from "@/lib/sync/run-sync";
import { defineJob } from "./define";

/**
 * The scheduled import of one open season (`PODIUM_SYNC_INTERVAL_SECONDS`). Per season `stately`: one waiting and
 * one running at most, so a slow import does not make the ticks pile up. A sync already running (the run lock) is
 * an error like any other: the job is retried with backoff, and the next slot comes anyway.
 */
export const syncScheduled = defineJob({
  name: "sync.scheduled",
  input: z.strictObject({ season: z.string().min(1).max(100) }),
  key: (input) => input.season,
  queue: { policy: "stately", retryLimit: 4, retryDelaySeconds: 20, retryBackoff: true, expireInSeconds: 60 * 60 },
  async run(ctx, input) {
    const repos = await seasonRepos(ctx.db, input.season);
    // A season deleted since the job was sent: nothing to import.
    if (repos === null) return { skipped: `no season ${input.season} any more` };
    const { client, webBase } = await ctx.github(repos);
    const summary = await runSync(ctx.db, { client, season: input.season, trigger: "schedule", webBase });
    return {
      runId: summary.runId,
      pullRequests: summary.pullRequests,
      tasks: summary.tasks,
      entries: summary.entries,
      graphqlCost: summary.graphqlCost,
      problems: summary.problems,
    };
  },
});
