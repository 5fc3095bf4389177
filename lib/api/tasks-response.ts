import type { z } from "zod";
import type { Executor } from "@/db/client";
import { listTasks } from "@/lib/queries/tasks";
import type { ZTaskEntry, ZTasksQuery } from "./schemas";

/**
 * A season's active tasks for the public API, as the tasks page lists them (open, picked, completed; by repository
 * and number). A holder who hid themselves (#19) is not named: `holder` is null while `state` still says `picked`.
 */
export async function tasksResponse(db: Executor, slug: string, query: z.infer<typeof ZTasksQuery>): Promise<{ tasks: z.infer<typeof ZTaskEntry>[] } | null> {
  const rows = await listTasks(db, slug, query);
  if (!rows) return null;
  return {
    tasks: rows.map((t) => ({
      repo: t.repo,
      number: t.number,
      title: t.title,
      difficulty: t.difficulty,
      score: t.score,
      state: t.state,
      holder: t.holderHidden ? null : t.holder,
      pickedAt: t.pickedAt?.toISOString() ?? null,
      umbrella: t.perPr,
    })),
  };
}
