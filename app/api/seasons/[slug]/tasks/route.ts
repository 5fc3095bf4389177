import { getDb } from "@/db";
import { SLUG, jsonError, publicJson } from "@/lib/api/respond";
import { ZTasksQuery } from "@/lib/api/schemas";
import { tasksResponse } from "@/lib/api/tasks-response";

export const dynamic = "force-dynamic";

/** The season's tasks and their state (contract: `GET /api/seasons/{slug}/tasks?state=&repo=`). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return jsonError(404, `unknown season: ${slug.slice(0, 64)}`);
  const parsed = ZTasksQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, issue?.code === "unrecognized_keys" ? `unknown parameter: ${(issue.keys ?? []).join(", ")}` : (issue?.message ?? "bad query"));
  }
  const body = await tasksResponse(await getDb(), slug, parsed.data);
  if (!body) return jsonError(404, `unknown season: ${slug}`);
  return publicJson(body);
}
