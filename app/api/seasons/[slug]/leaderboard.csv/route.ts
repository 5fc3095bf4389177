import { getDb } from "@/db";
import { csvRow } from "@/lib/api/csv";
import { leaderboardResponse } from "@/lib/api/leaderboard-response";
import { jsonError, seasonLeaderboardRequest } from "@/lib/api/respond";
import { PUBLIC_CACHE } from "@/lib/api/schemas";
import { ANONYMOUS_LABEL } from "@/lib/participants/privacy";

export const dynamic = "force-dynamic";

/** The leaderboard's rows as CSV with a header line (all rows unless limit/offset say otherwise). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const r = await seasonLeaderboardRequest(request, params);
  if (!r.ok) return r.response;
  const { slug, query } = r;
  const board = await leaderboardResponse(await getDb(), { slug, limit: query.limit ?? 1_000_000, offset: query.offset ?? 0, repo: query.repo });
  if (!board) return jsonError(404, `unknown season: ${slug}`);
  const difficulties = [...new Set(board.entries.flatMap((e) => Object.keys(e.byDifficulty)))];
  const lines = [
    csvRow(["rank", "login", "name", "score", "tasks", ...difficulties.flatMap((d) => [`${d}_tasks`, `${d}_score`])]),
    ...board.entries.map((e) =>
      csvRow([e.rank, e.login, e.login === null ? ANONYMOUS_LABEL : e.name, e.score, e.tasks, ...difficulties.flatMap((d) => [e.byDifficulty[d]?.tasks ?? 0, e.byDifficulty[d]?.score ?? 0])]),
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
