import type { z } from "zod";
import { PUBLIC_CACHE, ZLeaderboardQuery } from "./schemas";

export const jsonError = (status: 400 | 404, error: string) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
export const publicJson = (body: unknown) => Response.json(body, { headers: { "cache-control": PUBLIC_CACHE } });

export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(~\d+)?$/;

/** The leaderboard query, or a 400 naming the parameter. */
export function leaderboardQuery(request: Request): { ok: true; value: z.infer<typeof ZLeaderboardQuery> } | { ok: false; response: Response } {
  return parseQuery(ZLeaderboardQuery, request);
}

/** A route's query parameters by its schema, or a 400 naming the parameter (an unknown one, or the first bad value). */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const reason = issue?.code === "unrecognized_keys" ? `unknown parameter: ${(issue.keys ?? []).join(", ")}` : (issue?.message ?? "bad query");
  return { ok: false, response: jsonError(400, reason) };
}

/** A season leaderboard route's slug and query, or the 404/400 to answer with. */
export async function seasonLeaderboardRequest(
  request: Request,
  params: Promise<{ slug: string }>,
): Promise<{ ok: true; slug: string; query: z.infer<typeof ZLeaderboardQuery> } | { ok: false; response: Response }> {
  const { slug } = await params;
  if (!SLUG.test(slug)) return { ok: false, response: jsonError(404, `unknown season: ${slug.slice(0, 64)}`) };
  const q = leaderboardQuery(request);
  if (!q.ok) return q;
  return { ok: true, slug, query: q.value };
}
