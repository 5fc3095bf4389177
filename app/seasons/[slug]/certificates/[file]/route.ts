import { getDb } from "@/db";
import { LOGIN, SLUG, jsonError } from "@/lib/api/respond";
import { finalStandings } from "@/lib/queries/season-results";
import { publicOrigin } from "@/lib/auth/origin";
import { env } from "@/lib/env";
import { certificateSvg } from "@/lib/report/certificate";

export const dynamic = "force-dynamic";

/**
 * `/seasons/{slug}/certificates/{login}.svg`: a participant's certificate, rendered from the season's frozen
 * results, so anyone opening the URL sees what was awarded. 404 unless the season is final and the login is
 * in its results.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const login = file.endsWith(".svg") ? file.slice(0, -4) : "";
  if (!SLUG.test(slug) || !LOGIN.test(login)) return jsonError(404, "no such certificate");
  const [standing] = await finalStandings(await getDb(), login, slug);
  if (!standing) return jsonError(404, `no certificate for ${login} in ${slug} (not a participant, or the season is not final)`);
  // The URL a reader types to verify it: on the public origin (AUTH_URL, or the trusted proxy's host).
  const origin = publicOrigin(request.headers, env().AUTH_URL) ?? new URL(request.url).origin;
  const url = `${origin}/seasons/${slug}/certificates/${encodeURIComponent(standing.login)}.svg`;
  return new Response(certificateSvg({ ...standing, url }), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=0, s-maxage=60", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
