import type { Db } from "@/db/client";
import { isOpen, nextSlotStart } from "@/lib/jobs/schedule";
import { latestRuns } from "@/lib/sync/run-lock";
import { getLeaderboard, getOwnStanding } from "./leaderboard";
import type { SeasonContext } from "./season-context";
import { finalState } from "./season-results";
import { syncStatusOf } from "./sync-status";
import { getTeamRanking, unrankedLogins } from "./teams";

export type RankingPageInput = {
  page: number;
  pageSize: number;
  view: "individuals" | "teams";
  repo?: string;
  /** The signed-in viewer's login, for "you are #121"; null when anonymous. */
  viewerLogin: string | null;
  /** Whether the viewer may run a sync (the panel and its status are read only then). */
  mayRunSync: boolean;
  intervalSeconds: number;
  now?: Date;
};

/**
 * Everything the season ranking page reads, once each and at once: the season was read by the caller (the
 * page's `seasonContext`, React `cache`), the unranked logins once for the board and the viewer's standing,
 * the sync runs once for "data imported at" and the sync panel; nothing waits on anything it does not need.
 */
export async function readRankingPage(db: Db, season: SeasonContext, input: RankingPageInput) {
  const { row } = season;
  const unranked = unrankedLogins(db, row.id, row.unranked);
  const [board, runs, teams, mine, final] = await Promise.all([
    unranked.then((u) => getLeaderboard(db, { slug: row.slug, season: row, unranked: u, limit: input.pageSize, offset: (input.page - 1) * input.pageSize, repo: input.repo })),
    latestRuns(db, row.slug, 20),
    input.view === "teams" ? getTeamRanking(db, row) : null,
    input.viewerLogin && !input.repo && input.view === "individuals" ? unranked.then((u) => getOwnStanding(db, row, input.viewerLogin!, { unranked: u })) : null,
    finalState(db, row),
  ]);
  // When the season's data last came in: the end of its latest successful sync (of it, or of all seasons).
  const refreshed = runs.find((r) => r.status === "succeeded")?.finishedAt ?? null;
  let status = null;
  if (input.mayRunSync) {
    const at = input.intervalSeconds > 0 ? nextSlotStart(input.now ?? new Date(), input.intervalSeconds) : null;
    status = syncStatusOf(runs[0], at && isOpen(row, at) ? at.toISOString() : null, input.intervalSeconds);
  }
  return { board, refreshed, status, teams, mine, final };
}
