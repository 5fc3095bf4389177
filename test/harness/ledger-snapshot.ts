import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { participants, pullRequests, scoreEntries, seasons, seasonTotals, tasks } from "@/db/schema";

/** Totals and net points per (season, login, task) — comparable across databases (no ids). */
export async function ledgerSnapshot(db: Db) {
  const totals = await db
    .select({ season: seasons.slug, login: participants.login, points: seasonTotals.points, rawPoints: seasonTotals.rawPoints, tasks: seasonTotals.tasks })
    .from(seasonTotals)
    .innerJoin(seasons, eq(seasons.id, seasonTotals.seasonId))
    .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
    .orderBy(asc(seasons.slug), asc(participants.login));
  const entries = await db
    .select({ season: seasons.slug, login: participants.login, task: tasks.number, points: scoreEntries.points, key: scoreEntries.sourceKey })
    .from(scoreEntries)
    .innerJoin(seasons, eq(seasons.id, scoreEntries.seasonId))
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .leftJoin(tasks, eq(tasks.id, scoreEntries.taskId));
  const net = new Map<string, number>();
  for (const e of entries) {
    const k = `${e.season}|${e.login}|${e.task ?? "-"}`;
    net.set(k, (net.get(k) ?? 0) + e.points);
  }
  return { totals, net: [...net.entries()].filter(([, v]) => v !== 0).sort(([a], [b]) => a.localeCompare(b)) };
}

/** Every ledger entry, described without database ids (those differ between databases), sorted. */
export async function ledgerRows(db: Db): Promise<string[]> {
  const rows = await db
    .select({ season: seasons.slug, login: participants.login, task: tasks.number, pr: pullRequests.number, points: scoreEntries.points, kind: scoreEntries.kind, reason: scoreEntries.reason })
    .from(scoreEntries)
    .innerJoin(seasons, eq(seasons.id, scoreEntries.seasonId))
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .leftJoin(tasks, eq(tasks.id, scoreEntries.taskId))
    .leftJoin(pullRequests, eq(pullRequests.id, scoreEntries.pullRequestId));
  return rows.map((r) => `${r.season} ${r.login} t${r.task} pr${r.pr} ${r.kind} ${r.points} ${r.reason}`).sort();
}
