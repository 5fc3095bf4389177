import { getDb } from "@/db";
import { SLUG, jsonError, publicJson } from "@/lib/api/respond";
import { getSeasonDetail } from "@/lib/queries/season-results";

export const dynamic = "force-dynamic";

/** The season as in `/api/seasons`, plus `final`, `rules`, and when final `prizes` (winners from the frozen results). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const detail = await getSeasonDetail(await getDb(), slug);
  if (!detail) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(detail);
}
