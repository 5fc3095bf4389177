import type { JobDefinition } from "./define";
import { botComment } from "./bot-comment";
import { picksSweep } from "./picks-sweep";
import { syncScheduled } from "./sync-scheduled";

/**
 * Every kind of background job, as `lib/commands/index.ts` lists the commands. A new kind (a bot comment, a stale
 * pick's release) is a `defineJob` in its own file and a line here; the queue creates its pg-boss queue and a
 * worker for it at start-up.
 */
export const JOBS: readonly JobDefinition[] = [syncScheduled as unknown as JobDefinition, botComment as unknown as JobDefinition, picksSweep as unknown as JobDefinition];

export function jobKind(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
