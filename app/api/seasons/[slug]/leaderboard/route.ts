import { getDb } from "@/db";
import { leaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, leaderboardQuery, publicJson, SLUG } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const q = leaderboardQuery(request);
  if (!q.ok) return q.response;
  const board = await leaderboardResponse(await getDb(), { slug, limit: q.value.limit ?? 50, offset: q.value.offset ?? 0, repo: q.value.repo });
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(board);
}
