import { getDb } from "@/db";
import { leaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, leaderboardQuery, publicJson, SLUG } from "@/lib/api/respond";
import { microCache } from "@/lib/cache/micro-cache";

/** Half a second: a score change shows within a second (see lib/cache/micro-cache.ts). */
const cached = microCache<Awaited<ReturnType<typeof leaderboardResponse>>>("api:leaderboard", { ttlMs: 500 });

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const q = leaderboardQuery(request);
  if (!q.ok) return q.response;
  const query = { slug, limit: q.value.limit ?? 50, offset: q.value.offset ?? 0, repo: q.value.repo };
  const db = await getDb();
  const board = await cached(db, JSON.stringify(query), () => leaderboardResponse(db, query));
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(board);
}
