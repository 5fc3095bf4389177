import { getDb } from "@/db";
import { SLUG, jsonError } from "@/lib/api/respond";
import { can } from "@/lib/auth/permissions";
import { currentViewer } from "@/lib/auth/session";
import { seasonRepos } from "@/lib/queries/season-repos";
import { env } from "@/lib/env";
import { getSyncStatus } from "@/lib/queries/sync-status";

export const dynamic = "force-dynamic";

/** The season's latest sync run, polled by the sync panel: for the season's maintainers and admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const db = await getDb();
  const repos = await seasonRepos(db, slug);
  if (!repos) return jsonError(404, `unknown season: ${slug}`);
  const viewer = await currentViewer();
  if (!can(viewer, "sync.run", { repos })) {
    return Response.json({ error: viewer ? "forbidden" : "sign in first" }, { status: viewer ? 403 : 401, headers: { "cache-control": "no-store" } });
  }
  return Response.json(await getSyncStatus(db, slug, { intervalSeconds: env().syncIntervalSeconds }), { headers: { "cache-control": "no-store" } });
}
