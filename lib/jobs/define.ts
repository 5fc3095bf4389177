import type { z } from "zod";
import type { Db } from "@/db/client";
import type { GitHubClient } from "@/lib/github/client";

/** What a job's `run` gets besides its input: the database, the clock, GitHub, and which attempt this is. */
export type JobContext = {
  db: Db;
  now: () => Date;
  /** A GraphQL client authenticated for these repositories (a token or the GitHub App's installation), and the web base. */
  github: (repos: string[]) => Promise<{ client: GitHubClient; webBase: string }>;
  jobId: string;
  /** 0 on the first attempt, 1 on the first retry, … */
  retry: number;
};

/** How the queue treats a kind: its pg-boss queue policy, retries (backoff doubles the delay each time), time limit. */
export type JobQueueOptions = {
  /** `stately`: at most one waiting and one running job per key (a season), so overlapping ticks do not pile up. */
  policy: "standard" | "stately" | "singleton" | "short";
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  expireInSeconds: number;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** `area.what`, e.g. `sync.scheduled`; the queue's name. */
  name: string;
  input: S;
  /** The key one job per slot is stored under (for scheduled kinds) and the `stately` policy counts by. */
  key?: (input: z.infer<S>) => string;
  queue?: Partial<JobQueueOptions>;
  /** What it returns is kept with the job (shown to admins); a throw is retried, then recorded as the failure. */
  run: (ctx: JobContext, input: z.infer<S>) => Promise<unknown>;
};

export const DEFAULT_QUEUE: JobQueueOptions = { policy: "standard", retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 15 * 60 };

/** A kind of background job: its input schema (checked when sent and again when run), its queue options and its work. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
