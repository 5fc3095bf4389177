import { getDb } from "@/db";
import { csvRow } from "@/lib/api/csv";
import { leaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, leaderboardQuery, SLUG } from "@/lib/api/respond";
import { PUBLIC_CACHE } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** The leaderboard's rows as CSV with a header line (all rows unless limit/offset say otherwise). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const q = leaderboardQuery(request);
  if (!q.ok) return q.response;
  const board = await leaderboardResponse(await getDb(), { slug, limit: q.value.limit ?? 1_000_000, offset: q.value.offset ?? 0, repo: q.value.repo });
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  const difficulties = [...new Set(board.entries.flatMap((e) => Object.keys(e.byDifficulty)))];
  const lines = [
    csvRow(["rank", "login", "name", "score", "tasks", ...difficulties.flatMap((d) => [`${d}_tasks`, `${d}_score`])]),
    ...board.entries.map((e) =>
      csvRow([e.rank, e.login, e.name, e.score, e.tasks, ...difficulties.flatMap((d) => [e.byDifficulty[d]?.tasks ?? 0, e.byDifficulty[d]?.score ?? 0])]),
    ),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-leaderboard.csv"`,
      "cache-control": PUBLIC_CACHE,
    },
  });
}
