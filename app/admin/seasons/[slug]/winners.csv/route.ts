import { getDb } from "@/db";
import { csvRow } from "@/lib/api/csv";
import { SLUG, jsonError } from "@/lib/api/respond";
import { can } from "@/lib/auth/permissions";
import { currentViewer } from "@/lib/auth/session";
import { winnersWithEmails } from "@/lib/queries/winners";

export const dynamic = "force-dynamic";

/**
 * A final season's prize winners with the e-mail addresses sign-in stored, for admins only (checked here, on
 * the server: the addresses are never public). One row per prize and winner; a team's row lists its members.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await currentViewer();
  if (!can(viewer, "season.manage")) {
    return Response.json({ error: viewer ? "forbidden" : "sign in first" }, { status: viewer ? 403 : 401, headers: { "cache-control": "no-store" } });
  }
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const rows = await winnersWithEmails(await getDb(), slug);
  if (!rows) return jsonError(404, `unknown season: ${slug}`);
  const lines = [
    csvRow(["prize", "ranking", "rank", "winner", "score", "logins", "emails"]),
    ...rows.map((r) => csvRow([r.prize, r.ranking, r.rank, r.name, r.score, r.logins.join(" "), r.emails.join(" ")])),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-winners.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
