import { z } from "zod";
import { BOT_COMMENT_JOB, postBotComment } from "@/lib/bot/post";
import { env } from "@/lib/env";
import { defineJob } from "./define";

/**
 * Posts one stored bot comment (`bot_comments`) on GitHub. Sent in the transaction that stored the comment's
 * cause; a retry (GitHub down, a secondary rate limit) finds a comment an earlier attempt posted by its marker and
 * does not post it twice.
 */
export const botComment = defineJob({
  name: BOT_COMMENT_JOB,
  input: z.strictObject({ key: z.string().min(1).max(300) }),
  key: (input) => input.key,
  queue: { policy: "standard", retryLimit: 6, retryDelaySeconds: 15, retryBackoff: true, expireInSeconds: 5 * 60 },
  async run(ctx, input) {
    return postBotComment(ctx.db, input.key, { client: async (repo) => (await ctx.github([repo])).client, publicUrl: env().publicUrl });
  },
});
