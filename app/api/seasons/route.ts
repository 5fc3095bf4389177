import { getDb } from "@/db";
import { listSeasons } from "@/lib/queries/seasons";

export const dynamic = "force-dynamic";

export async function GET() {
  const seasons = await listSeasons(await getDb());
  return Response.json(seasons, {
    headers: { "cache-control": "public, max-age=0, s-maxage=30, stale-while-revalidate=300" },
  });
}
