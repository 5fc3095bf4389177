import { getDb } from "@/db";
import { SLUG, jsonError, parseQuery, publicJson } from "@/lib/api/respond";
import { ZTasksQuery } from "@/lib/api/schemas";
import { tasksResponse } from "@/lib/api/tasks-response";

export const dynamic = "force-dynamic";

/** The season's tasks and their state (contract: `GET /api/seasons/{slug}/tasks?state=&repo=`). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const q = parseQuery(ZTasksQuery, request);
  if (!q.ok) return q.response;
  const body = await tasksResponse(await getDb(), slug, q.value);
  if (!body) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(body);
}
