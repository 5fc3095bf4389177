import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { botComments } from "@/db/schema";
import { BOT_COMMENT_JOB } from "@/lib/bot/post";
import { sweepStalePicks } from "@/lib/bot/stale-picks";
import { env } from "@/lib/env";
import { jobQueue } from "@/lib/server/boot";
import { defineJob } from "./define";
import { scheduledJobId } from "./schedule";

/**
 * Each scheduled slot, per open season: remind and release stale picks (`sweepStalePicks`, at the queue's clock),
 * and send again the bot comments still waiting a minute after they were stored (stored where no queue ran, e.g.
 * by a one-off CLI import).
 */
export const picksSweep = defineJob({
  name: "picks.sweep",
  input: z.strictObject({ season: z.string().min(1).max(100) }),
  key: (input) => input.season,
  queue: { policy: "stately", retryLimit: 3, retryDelaySeconds: 20, retryBackoff: true, expireInSeconds: 10 * 60 },
  async run(ctx, input) {
    const swept = await sweepStalePicks(ctx.db, input.season, { now: ctx.now(), mode: env().botComments });
    const waiting = await ctx.db
      .select({ key: botComments.key })
      .from(botComments)
      .where(and(eq(botComments.state, "pending"), lt(botComments.createdAt, new Date(Date.now() - 60_000))))
      .limit(100);
    let resent = 0;
    for (const w of waiting) if (await jobQueue()?.enqueue(BOT_COMMENT_JOB, { key: w.key }, { id: scheduledJobId(BOT_COMMENT_JOB, w.key, 0) })) resent += 1;
    return { ...swept, resent };
  },
});
