import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { botComments } from "@/db/schema";
import type { GitHubClient } from "@/lib/github/client";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { useJobQueue } from "@/lib/server/boot";

/** A job queue on this database that posts the bot's comments through `client` (no timer, polled twice a second), made this process's queue. */
export async function startBotQueue(h: DbHandle, client: () => GitHubClient, webBase: string): Promise<JobQueue> {
  const queue = await startJobQueue({ handle: h, intervalSeconds: 0, timer: false, pollingIntervalSeconds: 0.5, log: () => {}, github: async () => ({ client: client(), webBase }) });
  useJobQueue(queue);
  return queue;
}

export async function stopBotQueue(queue: JobQueue | undefined): Promise<void> {
  useJobQueue(undefined);
  await queue?.stop();
}

/** Waits (10 s at most) until no bot comment is pending: every one stored has been posted by the queue. */
export async function botCommentsPosted(h: DbHandle): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const pending = await h.db.select({ key: botComments.key }).from(botComments).where(eq(botComments.state, "pending"));
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the bot's comments were not posted");
}
