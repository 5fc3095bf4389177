import { getDb } from "@/db";
import { jsonError, LOGIN, publicJson } from "@/lib/api/respond";
import type { ParticipantResponse } from "@/lib/api/schemas";
import { microCache } from "@/lib/cache/micro-cache";
import { getParticipantProfile } from "@/lib/queries/participant";

/** Half a second: a score change shows within a second (see lib/cache/micro-cache.ts). */
const cached = microCache<Awaited<ReturnType<typeof getParticipantProfile>>>("api:participant", { ttlMs: 500 });

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ login: string }> }) {
  const { login } = await params;
  if (!LOGIN.test(login)) return jsonError(404, "unknown participant");
  const db = await getDb();
  const profile = await cached(db, login.toLowerCase(), () => getParticipantProfile(db, login));
  // A participant who hid themselves is not in the public API: the same 404 as an unknown login (#19).
  if (!profile || profile.hidden) return jsonError(404, `unknown participant: ${login}`);
  const body: ParticipantResponse = {
    login: profile.login,
    name: profile.name,
    avatarUrl: profile.avatarUrl,
    seasons: profile.seasons.map((s) => ({ slug: s.slug, rank: s.rank, score: s.score, completed: s.completed })),
  };
  return publicJson(body);
}
