import type { Db } from "@/db/client";
import { isOpen, nextSlotStart } from "@/lib/jobs/schedule";
import { latestRuns } from "@/lib/sync/run-lock";
import { getLeaderboard, getOwnStanding } from "./leaderboard";
import type { SeasonContext, SeasonRow } from "./season-context";
import { finalState } from "./season-results";
import { syncStatusOf } from "./sync-status";
import { getTeamRanking, unrankedLogins } from "./teams";

/** What the ranking page shows the same to everyone (the part lib/queries/cached/ranking.ts caches). */
export type RankingBoardInput = {
  page: number;
  pageSize: number;
  view: "individuals" | "teams";
  repo?: string;
};

export type RankingPageInput = RankingBoardInput & {
  /** The signed-in viewer's login, for "you are #121"; null when anonymous. */
  viewerLogin: string | null;
  /** Whether the viewer may run a sync (the panel and its status are read only then). */
  mayRunSync: boolean;
  intervalSeconds: number;
  now?: Date;
  /** How the shared part is read (default: from the database; the page passes the cached read). */
  readBoard?: (row: SeasonRow, input: RankingBoardInput) => Promise<RankingBoard>;
};

export type RankingBoard = Awaited<ReturnType<typeof readRankingBoard>>;

/** The viewer-independent part: the board's page, the teams, "data imported at", the final prizes, the unranked. */
export async function readRankingBoard(db: Db, row: SeasonRow, input: RankingBoardInput) {
  const unranked = unrankedLogins(db, row.id, row.unranked);
  const [board, runs, teams, final, u] = await Promise.all([
    unranked.then((u) => getLeaderboard(db, { slug: row.slug, season: row, unranked: u, limit: input.pageSize, offset: (input.page - 1) * input.pageSize, repo: input.repo })),
    latestRuns(db, row.slug, 20),
    input.view === "teams" ? getTeamRanking(db, row) : null,
    finalState(db, row),
    unranked,
  ]);
  // When the season's data last came in: the end of its latest successful sync (of it, or of all seasons).
  const refreshed = runs.find((r) => r.status === "succeeded")?.finishedAt ?? null;
  return { board, refreshed, teams, final, unranked: u, lastRun: runs[0] ?? null };
}

/**
 * Everything the season ranking page reads, once each and at once: the season was read by the caller (the
 * page's `seasonContext`), the shared part once (`readBoard`, cached by the page), and per request only what is
 * the viewer's: their standing, and the sync panel's status for those who may run a sync.
 */
export async function readRankingPage(db: Db, season: SeasonContext, input: RankingPageInput) {
  const { row } = season;
  const shared = (input.readBoard ?? ((r, i) => readRankingBoard(db, r, i)))(row, input);
  // A cached board's last run may be older than the sync panel may show: read it again then (maintainers only).
  const fresh = input.mayRunSync && input.readBoard ? latestRuns(db, row.slug, 1) : null;
  const [{ board, refreshed, teams, final, unranked, lastRun }, runs] = await Promise.all([shared, fresh]);
  const mine = input.viewerLogin && !input.repo && input.view === "individuals" ? await getOwnStanding(db, row, input.viewerLogin, { unranked }) : null;
  let status = null;
  if (input.mayRunSync) {
    const at = input.intervalSeconds > 0 ? nextSlotStart(input.now ?? new Date(), input.intervalSeconds) : null;
    status = syncStatusOf((runs ? runs[0] : lastRun) ?? undefined, at && isOpen(row, at) ? at.toISOString() : null, input.intervalSeconds);
  }
  return { board, refreshed, status, teams, mine, final };
}
