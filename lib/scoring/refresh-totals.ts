import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { columnList, jsonRows } from "@/db/json-rows";
import type { Executor } from "@/db/client";
import { participants, scoreEntries, seasonRepoTotals, seasons, seasonTotals } from "@/db/schema";
import { publishChange } from "@/lib/cache/changes";
import { computeTotals } from "./totals";
import { eachChunk, inChunks } from "@/lib/util/chunks";

/** The ledger columns the totals are computed from (`LedgerPoint`). */
export const LEDGER_POINT = {
  id: scoreEntries.id,
  participantId: scoreEntries.participantId,
  repositoryId: scoreEntries.repositoryId,
  taskId: scoreEntries.taskId,
  difficulty: scoreEntries.difficulty,
  points: scoreEntries.points,
  occurredAt: scoreEntries.occurredAt,
};

const TOTALS = {
  season_id: "integer",
  participant_id: "integer",
  points: "integer",
  raw_points: "integer",
  tasks: "integer",
  by_difficulty: "jsonb",
  reached_at: "timestamptz",
  login_key: "text",
};
const REPO_TOTALS = { ...TOTALS, repository_id: "integer" };

/**
 * Rewrites the derived totals of a season (or of some of its participants) from the ledger: a participant's own
 * entries only — points their team owns (`team_id`) are the team's (lib/queries/teams.ts), not on their row.
 * Call it inside the transaction that appended the entries, so totals never lag the ledger.
 */
export async function refreshTotals(tx: Executor, seasonId: number, only?: number[]): Promise<void> {
  // Cached reads are dropped once this commits: a read in between cannot re-cache the old totals.
  await publishChange(tx);
  const [season] = await tx.select({ rules: seasons.rules, finalizedAt: seasons.finalizedAt }).from(seasons).where(eq(seasons.id, seasonId));
  if (!season) throw new Error(`unknown season id ${seasonId}`);
  if (season.finalizedAt) return; // a final season's totals are frozen (#18)
  if (only && only.length === 0) return;
  const scope = only
    ? and(eq(scoreEntries.seasonId, seasonId), inArray(scoreEntries.participantId, only))
    : eq(scoreEntries.seasonId, seasonId);
  const entries = await tx
    .select(LEDGER_POINT)
    .from(scoreEntries)
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .where(and(scope, isNull(scoreEntries.teamId), eq(participants.isBot, false)));
  const totals = computeTotals(entries, season.rules);
  const ids = [...new Set(entries.map((e) => e.participantId))];
  const logins = new Map<number, string>();
  const loginRows = await inChunks(ids, (part) => tx.select({ id: participants.id, login: participants.login }).from(participants).where(inArray(participants.id, part)));
  for (const r of loginRows) logins.set(r.id, r.login.toLowerCase());

  const participantScope = only ? inArray(seasonTotals.participantId, only) : undefined;
  await tx.delete(seasonTotals).where(and(eq(seasonTotals.seasonId, seasonId), participantScope));
  await tx
    .delete(seasonRepoTotals)
    .where(and(eq(seasonRepoTotals.seasonId, seasonId), only ? inArray(seasonRepoTotals.participantId, only) : undefined));

  const rows = totals.map((t) => ({
    season_id: seasonId,
    participant_id: t.participantId,
    points: t.points,
    raw_points: t.rawPoints,
    tasks: t.tasks,
    by_difficulty: t.byDifficulty,
    reached_at: t.reachedAt.toISOString(),
    login_key: logins.get(t.participantId) ?? "",
  }));
  await eachChunk(rows, (part) => tx.execute(sql`insert into ${seasonTotals} ${columnList(TOTALS)} ${jsonRows(part, TOTALS)}`));
  const repoRows = totals.flatMap((t) =>
    [...t.byRepo].map(([repositoryId, r]) => ({
      season_id: seasonId,
      repository_id: repositoryId,
      participant_id: t.participantId,
      points: r.points,
      raw_points: r.rawPoints,
      tasks: r.tasks,
      by_difficulty: r.byDifficulty,
      reached_at: r.reachedAt.toISOString(),
      login_key: logins.get(t.participantId) ?? "",
    })),
  );
  await eachChunk(repoRows, (part) => tx.execute(sql`insert into ${seasonRepoTotals} ${columnList(REPO_TOTALS)} ${jsonRows(part, REPO_TOTALS)}`));
}
