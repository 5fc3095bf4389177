import { getDb } from "@/db";
import { badgeSvg } from "@/lib/api/badge";
import { jsonError, LOGIN, SLUG } from "@/lib/api/respond";
import { PUBLIC_CACHE } from "@/lib/api/schemas";
import { getParticipantProfile } from "@/lib/queries/participant";
import { finalStandings } from "@/lib/queries/season-results";

export const dynamic = "force-dynamic";

/** A README badge with the participant's rank and score in a season (their latest, when none is named). */
export async function GET(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const { login } = await params;
  const season = new URL(request.url).searchParams.get("season");
  if (season !== null && !SLUG.test(season)) return jsonError(400, "season: expected a season slug");
  if (!LOGIN.test(login)) return jsonError(404, "unknown participant");
  const profile = await getParticipantProfile(await getDb(), login);
  if (!profile || profile.hidden) return jsonError(404, `unknown participant: ${login}`);
  const s = season ? profile.seasons.find((x) => x.slug === season) : profile.seasons[0];
  if (season && !s) return jsonError(404, `${login} has no points in season ${season}`);
  // A final season's badge names the prizes won (from the frozen results).
  const prizes = s ? ((await finalStandings(await getDb(), login, s.slug))[0]?.prizes ?? []) : [];
  const value = s ? `${s.rank ? `#${s.rank} · ` : ""}${s.score} pts${prizes.length ? ` · ${prizes.join(", ")}` : ""}` : "no points yet";
  const svg = badgeSvg(s ? `Podium ${s.slug}` : "Podium", value);
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": PUBLIC_CACHE } });
}
