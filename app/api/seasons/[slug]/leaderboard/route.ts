import { getDb } from "@/db";
import { leaderboardResponse, teamLeaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, publicJson, seasonLeaderboardRequest } from "@/lib/api/respond";
import { microCache } from "@/lib/cache/micro-cache";

/** Half a second: a score change shows within a second (see lib/cache/micro-cache.ts). */
const cached = microCache<Awaited<ReturnType<typeof leaderboardResponse>>>("api:leaderboard", { ttlMs: 500 });
const cachedTeams = microCache<Awaited<ReturnType<typeof teamLeaderboardResponse>>>("api:leaderboard:teams", { ttlMs: 500 });

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const r = await seasonLeaderboardRequest(request, params);
  if (!r.ok) return r.response;
  const { slug } = r;
  const query = { slug, limit: r.query.limit ?? 50, offset: r.query.offset ?? 0, repo: r.query.repo };
  const db = await getDb();
  if (r.query.view === "teams") {
    if (query.repo) return jsonError(400, "repo: the team ranking is season-wide");
    const teams = await cachedTeams(db, JSON.stringify(query), () => teamLeaderboardResponse(db, query));
    if (!teams) return jsonError(404, `unknown season: ${slug}`);
    return publicJson(teams);
  }
  const board = await cached(db, JSON.stringify(query), () => leaderboardResponse(db, query));
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(board);
}
