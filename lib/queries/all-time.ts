import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasonTotals } from "@/db/schema";
import { competitionRanks } from "./teams";

/** All seasons together: each participant's points summed over seasons. */
export async function getAllTimeRanking(db: Executor, limit = 100) {
  const rows = await db
    .select({
      login: participants.login,
      name: participants.name,
      avatarUrl: participants.avatarUrl,
      hidden: participants.hidden,
      score: sql<number>`sum(${seasonTotals.points})::int`,
      tasks: sql<number>`sum(${seasonTotals.tasks})::int`,
      seasons: sql<number>`count(*)::int`,
    })
    .from(seasonTotals)
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .where(eq(participants.isBot, false))
    .groupBy(participants.id)
    .orderBy(desc(sql`sum(${seasonTotals.points})`), sql`min(${seasonTotals.reachedAt})`, participants.login)
    .limit(limit);
  return competitionRanks(rows.map((r) => ({ ...r, score: Number(r.score), tasks: Number(r.tasks), seasons: Number(r.seasons), unranked: false })));
}
