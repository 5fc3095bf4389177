import { getDb } from "@/db";
import { leaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, publicJson, seasonLeaderboardRequest } from "@/lib/api/respond";
import { microCache } from "@/lib/cache/micro-cache";

/** Half a second: a score change shows within a second (see lib/cache/micro-cache.ts). */
const cached = microCache<Awaited<ReturnType<typeof leaderboardResponse>>>("api:leaderboard", { ttlMs: 500 });

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const r = await seasonLeaderboardRequest(request, params);
  if (!r.ok) return r.response;
  const { slug } = r;
  const query = { slug, limit: r.query.limit ?? 50, offset: r.query.offset ?? 0, repo: r.query.repo };
  const db = await getDb();
  const board = await cached(db, JSON.stringify(query), () => leaderboardResponse(db, query));
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(board);
}
