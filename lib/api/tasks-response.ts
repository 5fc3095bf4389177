import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { participants, repositories, seasons, tasks } from "@/db/schema";
import type { ZTaskEntry, ZTasksQuery } from "./schemas";

/**
 * A season's active tasks for the public API, in the tasks page's order (open, picked, completed; by repository and
 * number). A holder who hid themselves (#19) is not named: `holder` is null while `state` still says `picked`.
 */
export async function tasksResponse(db: Executor, slug: string, query: z.infer<typeof ZTasksQuery>): Promise<{ tasks: z.infer<typeof ZTaskEntry>[] } | null> {
  const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  if (!season) return null;
  const rows = await db
    .select({
      repo: repositories.fullName,
      number: tasks.number,
      title: tasks.title,
      difficulty: tasks.difficulty,
      score: tasks.score,
      state: tasks.state,
      holder: participants.login,
      hidden: participants.hidden,
      pickedAt: tasks.pickedUpAt,
      umbrella: tasks.perPr,
    })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .leftJoin(participants, eq(participants.id, tasks.pickedUpById))
    .where(and(eq(tasks.seasonId, season.id), eq(tasks.active, true), query.state ? eq(tasks.state, query.state) : undefined, query.repo ? eq(repositories.fullName, query.repo.toLowerCase()) : undefined))
    .orderBy(sql`case ${tasks.state} when 'open' then 0 when 'picked' then 1 else 2 end`, asc(repositories.fullName), asc(tasks.number));
  return {
    tasks: rows.map(({ hidden, holder, pickedAt, ...t }) => ({ ...t, holder: hidden ? null : holder, pickedAt: pickedAt?.toISOString() ?? null })),
  };
}
