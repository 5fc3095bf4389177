import { getDb } from "@/db";
import { SLUG, jsonError, publicJson } from "@/lib/api/respond";
import { getSeasonReport } from "@/lib/queries/season-report";

export const dynamic = "force-dynamic";

/** The season report's figures as JSON (the page at /seasons/{slug}/report draws the same). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const report = await getSeasonReport(await getDb(), slug);
  if (!report) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(report);
}
